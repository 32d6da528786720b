#!/usr/bin/env node
// Entry point of the `vendordesk` command line. The CLI is TypeScript run through tsx, so the
// command always matches the sources (no separate build step to forget).
import { register } from 'tsx/esm/api';
import { checkNode } from '../scripts/check-node.mjs';

const nodeProblem = checkNode();
if (nodeProblem) {
  console.error(nodeProblem);
  process.exit(2);
}

// `vendordesk check … | head` closes the pipe early: that is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

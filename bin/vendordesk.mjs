#!/usr/bin/env node
// Entry point of the `vendordesk` command line. The CLI is TypeScript run through tsx, so the
// command always matches the sources (no separate build step to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

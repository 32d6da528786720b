// Refuses to run on a Node.js older than package.json's `engines.node`, with a message that says
// what to install, instead of the obscure failures older versions give deep inside dependencies
// (content-disposition, cookie, electron and node-abi need Node ≥ 22.12). Plain JavaScript with no
// imports beyond node:, so it runs on any Node that can start at all.
import fs from 'node:fs';
import path from 'node:path';

/** Smallest version a `>=X.Y[.Z]` range allows, as [major, minor, patch]. */
export function minimumFromRange(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node must look like ">=22.12", got "${range}"`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

export function satisfies(version, minimum) {
  const parts = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  }
  return true;
}

export function checkNode(version = process.versions.node) {
  const root = path.resolve(import.meta.dirname, '..');
  const { engines } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const minimum = minimumFromRange(engines.node);
  if (satisfies(version, minimum)) return null;
  const wanted = minimum.join('.');
  return (
    `VendorDesk 需要 Node.js ${wanted} 或更高版本，当前为 ${version}。请安装 Node.js 22 LTS（https://nodejs.org/）后重试。\n` +
    `VendorDesk needs Node.js ${wanted} or newer; this is ${version}. Install Node.js 22 LTS and try again.`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const problem = checkNode();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

// Paths and loaders shared by the packaging tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const fromRoot = (...segments: string[]): string => path.join(ROOT, ...segments);

export function readYaml(relativePath: string): unknown {
  return parseYaml(readFileSync(fromRoot(relativePath), 'utf8'));
}

/**
 * Imports one of the plain-JavaScript build scripts (scripts/*.mjs). The specifier is a variable so
 * TypeScript does not look for declarations; callers state the shape they rely on.
 */
export async function importScript<T>(relativePath: string): Promise<T> {
  const specifier = fromRoot(relativePath);
  return (await import(specifier)) as T;
}

/** The npm scripts a workflow step runs (`npm run x`, also inside multi-line scripts). */
export function npmScriptsRun(run: string | undefined): string[] {
  return [...(run ?? '').matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1] as string);
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'vendordesk-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const examplesDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'listings');

export function readExample(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(examplesDir, name), 'utf8'));
}

/** A JSON file under test/fixtures (`name`: its path there). */
export function readFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', name), 'utf8'));
}

// The layering rules live in eslint.config.js; this proves they actually fire.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layering is enforced by lint', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/x.ts', 'export const a = process.env;\n'],
    [
      'shared/x.ts',
      "import { openStore } from '../electron/services/db/database';\nexport const a = openStore;\n",
    ],
    [
      'renderer/src/x.ts',
      "import { openStore } from '../../electron/services/db/database';\nexport const a = openStore;\n",
    ],
    ['renderer/src/x.ts', "import path from 'path';\nexport const a = path;\n"],
    ['electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may not: %s', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n"],
    [
      'renderer/src/x.ts',
      "import { contract } from '../../shared/ipc/contract';\nexport const a = contract;\n",
    ],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});

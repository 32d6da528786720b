// The layering, cycle and promise rules live in eslint.config.js; this proves they actually fire.
// Each case is a small file planted inside the layer it is about (so the real config, the TypeScript
// program and the import resolver all apply), linted once, and removed afterwards. Every case states
// the exact rule ids it must get: a file that fails to parse, or a rule that stops firing, fails here.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const probe = `lint-probe-${process.pid}`;

type Case = { file: string; code: string; rules: string[] };

const services =
  "import { openStore } from '../../../electron/services/db/database';\nexport const a = openStore;\n";

const forbidden: Case[] = [
  {
    file: 'shared/node-fs.ts',
    code: "import fs from 'node:fs';\nexport const a = fs;\n",
    rules: ['no-restricted-imports'],
  },
  {
    file: 'shared/electron.ts',
    code: "import { app } from 'electron';\nexport const a = app;\n",
    rules: ['no-restricted-imports'],
  },
  { file: 'shared/process.ts', code: 'export const a = process.env;\n', rules: ['no-restricted-globals'] },
  {
    file: 'shared/services.ts',
    code: "import { openStore } from '../../electron/services/db/database';\nexport const a = openStore;\n",
    rules: ['no-restricted-imports'],
  },
  {
    file: 'shared/dynamic-node.ts',
    code: "export const load = () => import('node:fs');\n",
    rules: ['vendordesk/dynamic-import-layer'],
  },
  { file: 'renderer/src/services.ts', code: services, rules: ['no-restricted-imports'] },
  {
    file: 'renderer/src/path.ts',
    code: "import path from 'path';\nexport const a = path;\n",
    rules: ['no-restricted-imports'],
  },
  {
    file: 'renderer/src/dynamic-services.ts',
    code: "export const load = () => import('../../../electron/services/db/database');\n",
    rules: ['vendordesk/dynamic-import-layer'],
  },
  {
    file: 'renderer/src/dynamic-computed.ts',
    code: 'export const load = (name: string) => import(name);\n',
    rules: ['vendordesk/dynamic-import-layer'],
  },
  {
    file: 'electron/services/electron.ts',
    code: "import { app } from 'electron';\nexport const a = app;\n",
    rules: ['no-restricted-imports'],
  },
  {
    file: 'electron/services/cli.ts',
    code: "import { main } from '../../../cli/main';\nexport const a = main;\n",
    rules: ['no-restricted-imports'],
  },
  {
    file: 'electron/services/sandbox.ts',
    code: "import { startSandbox } from '../../../sandbox/server';\nexport const a = startSandbox;\n",
    rules: ['no-restricted-imports'],
  },
  {
    file: 'electron/services/dynamic-cli.ts',
    code: "export const load = () => import('../../../cli/main');\n",
    rules: ['vendordesk/dynamic-import-layer'],
  },
  // A two-file cycle: both ends are reported.
  {
    file: 'renderer/src/cycle-a.ts',
    code: "import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n",
    rules: ['import-x/no-cycle'],
  },
  {
    file: 'renderer/src/cycle-b.ts',
    code: "import { a } from './cycle-a';\nexport const b = (): number => a() - 1;\n",
    rules: ['import-x/no-cycle'],
  },
  {
    file: 'renderer/src/floating.ts',
    code: 'async function save(): Promise<void> {}\nexport function click(): void {\n  save();\n}\n',
    rules: ['@typescript-eslint/no-floating-promises'],
  },
  {
    file: 'renderer/src/misused.ts',
    code: 'export const saveAll = (ids: string[], save: (id: string) => Promise<void>): void => {\n  ids.forEach(save);\n};\n',
    rules: ['@typescript-eslint/no-misused-promises'],
  },
  {
    file: 'shared/switch.ts',
    code: "export function n(kind: 'a' | 'b'): number {\n  switch (kind) {\n    case 'a':\n      return 1;\n  }\n  return 0;\n}\n",
    rules: ['@typescript-eslint/switch-exhaustiveness-check'],
  },
];

const allowed: Case[] = [
  { file: 'shared/zod.ts', code: "import { z } from 'zod';\nexport const a = z;\n", rules: [] },
  {
    file: 'renderer/src/contract.ts',
    code: "import { contract } from '../../../shared/ipc/contract';\nexport const a = contract;\n",
    rules: [],
  },
  {
    file: 'renderer/src/dynamic-within.ts',
    code: "export const load = () => import('./contract');\n",
    rules: [],
  },
  { file: 'electron/web/dynamic-package.ts', code: "export const load = () => import('vite');\n", rules: [] },
  {
    file: 'electron/main/electron.ts',
    code: "import { app } from 'electron';\nexport const a = app;\n",
    rules: [],
  },
  {
    file: 'renderer/src/voided.ts',
    code: 'async function save(): Promise<void> {}\nexport function click(): void {\n  // the outcome is reported elsewhere\n  void save();\n}\n',
    rules: [],
  },
];

/** shared/x.ts → shared/lint-probe-123/x.ts: inside the layer, in a folder of its own. */
const planted = (file: string) => {
  const dir = path.dirname(file);
  return path.join(root, dir, probe, path.basename(file));
};
const probeDirs = [...new Set([...forbidden, ...allowed].map((c) => path.dirname(planted(c.file))))];
const found = new Map<string, string[]>();

beforeAll(async () => {
  for (const c of [...forbidden, ...allowed]) {
    fs.mkdirSync(path.dirname(planted(c.file)), { recursive: true });
    fs.writeFileSync(planted(c.file), c.code);
  }
  const results = await new ESLint({ cwd: root }).lintFiles(
    [...forbidden, ...allowed].map((c) => planted(c.file)),
  );
  for (const result of results) {
    // A parse failure has no rule id: it shows as "fatal", so it can never pass for a clean file.
    // One rule may report a line twice (node:fs is both a banned name and a banned pattern).
    const rules = result.messages.map((m) => (m.fatal ? `fatal: ${m.message}` : (m.ruleId ?? m.message)));
    found.set(result.filePath, [...new Set(rules)].sort());
  }
}, 300_000);

afterAll(() => {
  for (const dir of probeDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('layering, cycles and promises are enforced by lint', () => {
  it.each(forbidden.map((c) => [c.file, c.rules.join(', '), c] as const))(
    '%s is reported by %s',
    (_f, _r, c) => {
      expect(found.get(planted(c.file))).toEqual([...c.rules].sort());
    },
  );

  it.each(allowed.map((c) => [c.file, c] as const))('%s is clean', (_f, c) => {
    expect(found.get(planted(c.file))).toEqual([]);
  });
});

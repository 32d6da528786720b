// Layering is enforced here, not by memory (DEVELOPERS.md):
//   shared/   pure TypeScript — no Node built-ins, no Electron, no DOM-only modules;
//   renderer/ UI — nothing from electron/, cli/, sandbox/ or Node;
//   electron/services/ Node services shared by Electron main and browser mode — no Electron, and
//   nothing from cli/ or sandbox/ (those are clients of the services, not parts of them).
// The same bans hold for `import()` (vendordesk/dynamic-import-layer), there are no import cycles
// (import-x/no-cycle), and promises are type-checked: none floats, none is passed where a callback's
// result is ignored (test/unit/layering.test.ts plants each kind and proves the rule fires).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { dynamicImportLayer } from './scripts/eslint/dynamic-import-layer.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** One layer's bans: the same modules for `import … from` and for `import()`. */
const layer = (roots, modules, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
  'vendordesk/dynamic-import-layer': ['error', { layers: roots, bannedModules: modules }],
});

const typeScriptFiles = ['**/*.{ts,tsx,mts,cts}'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'release/**',
      'node_modules/**',
      'test-artifacts/**',
      '.native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX, vendordesk: { rules: { 'dynamic-import-layer': dynamicImportLayer } } },
    settings: {
      // The TypeScript settings of import-x (which files it parses, with which parser), and the
      // resolver that follows tsconfig.json: without them no-cycle silently sees no imports at all.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A package cannot import our code back, so cycles are looked for only among our own files.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Type-aware rules need the TypeScript program; the few plain .js/.mjs scripts are not in it.
    files: typeScriptFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Product layers whose bans are only about where `import()` may reach.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'cli/**/*.ts', 'sandbox/**/*.ts'],
    rules: layer(['electron/main', 'electron/preload', 'cli', 'sandbox'], [], [], ''),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      ...layer(
        ['shared'],
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'fastify', 'react', 'react-dom', 'antd'],
        ['**/electron/**', '**/renderer/**', '**/cli/**', '**/sandbox/**', 'node:*'],
        'shared/ is pure TypeScript: no Node, Electron, DOM or UI imports.',
      ),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        ['renderer'],
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'fastify'],
        ['**/electron/**', '**/cli/**', '**/sandbox/**', 'node:*'],
        'renderer/ talks only to window.vendorDesk; no Node, Electron or main-process code.',
      ),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts'],
    rules: layer(
      ['electron/services', 'electron/web'],
      ['electron'],
      ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/cli/**', '**/sandbox/**'],
      'Services run in Electron main and in browser mode alike: Electron APIs go behind the platform interfaces, and cli/ and sandbox/ are their clients, not their parts.',
    ),
  },
);

// Layering is enforced here, not by memory (DEVELOPERS.md):
//   shared/   pure TypeScript — no Node built-ins, no Electron, no DOM-only modules;
//   renderer/ UI — nothing from electron/, cli/, sandbox/ or Node;
//   electron/services/ Node services shared by Electron main and browser mode — no Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (paths, patterns, message) => [
  'error',
  {
    paths: paths.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  },
];

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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': restrict(
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
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'fastify'],
        ['**/electron/**', '**/cli/**', '**/sandbox/**', 'node:*'],
        'renderer/ talks only to window.vendorDesk; no Node, Electron or main-process code.',
      ),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron'],
        ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
        'Services run in Electron main and in browser mode alike: Electron APIs go behind the platform interfaces.',
      ),
    },
  },
);

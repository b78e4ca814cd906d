import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The layer table of DESIGN.md as lint rules: imports only go downhill, `electron` stays in the shell and the
 * preload, and code that runs in a sandboxed page or on the phone cannot reach for Node.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nativeOrNodeOnly = ['better-sqlite3', '@napi-rs/keyring', '@ledgerhq/hw-transport-node-hid', 'ws'];

const electronImport = {
  name: 'electron',
  message: 'electron may only be imported in src/main/electron and src/preload (DESIGN.md, layers).',
};
const nodeImports = [...nodeBuiltins, ...nativeOrNodeOnly].map((name) => ({
  name,
  message: 'This layer runs without Node (sandboxed page, preload or phone); Node modules are not allowed.',
}));
const layer = (from, patterns) => ({
  group: patterns,
  message: `${from} may not import this layer (DESIGN.md).`,
});

export const layerRules = [
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...nodeImports],
          patterns: [
            layer('src/shared', ['**/main/**', '**/renderer/**', '**/preload/**', '**/companion/**']),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.{ts,tsx}'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            layer('A core service', ['**/electron/**', '**/renderer/**', '**/preload/**', '**/companion/**']),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('The Electron shell', ['**/renderer/**', '**/preload/**', '**/companion/**'])] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeImports,
          patterns: [layer('The preload', ['**/main/**', '**/renderer/**', '**/companion/**'])],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/companion/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...nodeImports],
          patterns: [layer('A page', ['**/main/**', '**/preload/**'])],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'e2e/artifacts/**',
      'test-results/**',
      'playwright-report/**',
      '.electronegativity/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/companion/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
  {
    // Tests may reach across layers to build fixtures; the code they test may not.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);

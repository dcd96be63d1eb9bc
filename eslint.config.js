// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (docs/architecture.md): core is pure; renderer never reaches into main;
 * only src/main/electron and src/preload may import electron.
 */
const NODE_IO = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'net', 'http', 'https', 'worker_threads', 'crypto'];
const nodeBuiltins = NODE_IO.flatMap((name) => [name, `node:${name}`]);
const electronOnly = { name: 'electron', message: 'Only src/main/electron/ and src/preload/ may import electron.' };

export const boundaryRules = [
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly] }] },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no I/O.' }))],
          patterns: [
            { regex: '(^|/)(shared|main|renderer|preload)(/|$)', message: 'src/core imports no other layer of src/.' },
            { regex: '^(node:|react|react-dom|zustand|i18next|react-i18next|better-sqlite3|exceljs|electron)', message: 'src/core is pure: no I/O or UI modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'src/shared is the contract: no I/O.' }))],
          patterns: [{ regex: '(^|/)(main|renderer|preload)(/|$)', message: 'src/shared depends on src/core only.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node APIs.' }))],
          patterns: [
            { regex: '(^|/)(main|preload)(/|$)', message: 'The renderer talks to main only through src/shared/api.' },
            { regex: '^(node:|better-sqlite3)', message: 'The renderer has no Node APIs.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/peer/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaryRules,
);

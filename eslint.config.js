// One lint set-up for the whole tree: the recommended rules, typed for TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'docs/screenshots/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off', // migrations take Kysely<any> by design
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/transliteration/**/*.ts', 'src/imports/row-validation*.ts', 'src/explain/**/*.ts'],
    rules: {
      // The pure core does no I/O: keep it that way.
      'no-restricted-imports': ['error', { patterns: ['node:fs', 'node:net', 'node:http', 'fs', 'pg', 'kysely', 'express'] }],
    },
  },
);

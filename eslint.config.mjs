import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '*.js', '*.mjs', 'web/src/api/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // libs/* are pure or infrastructure libraries: they never reach into the application.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/src/modules/**', '**/src/common/**', '**/src/config/**', 'src/*'] }],
    },
  },
  {
    // Feature modules talk to each other only through what a module exports (its service),
    // never by reaching into another module's entities or domain folders directly.
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../../../libs/*', '**/node_modules/**'] }],
    },
  },
);

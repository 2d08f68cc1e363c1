import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '*.js', '*.mjs', 'web/src/api/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Type-aware: the promise rules need the type checker (tsconfig.json covers src, libs, test, migrations).
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // libs/* are pure or infrastructure libraries: they never reach into the application.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/src/modules/**', '**/src/common/**', '**/src/config/**', 'src/*'] },
      ],
    },
  },
  {
    // Libraries are imported by their @app/* alias. Boundaries between modules (only through
    // a module's index.ts), cycles, pure domain/ folders and dead files: .dependency-cruiser.cjs.
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../../../libs/*', '**/node_modules/**'] }],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test-artifacts/**', 'web/src/api/generated/**', '*.js', '*.mjs'] },
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
  {
    // The web app: hooks rules, and no user-visible string outside the i18n catalogues.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, i18next },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['web/src/**/*.tsx'],
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'description'],
          },
          callees: { exclude: ['i18n(ext)?', 't', 'getInputProps', 'exists'] },
        },
      ],
    },
  },
  {
    // Web unit specs run under Jest, outside web/tsconfig.json (which the app build uses).
    files: ['web/src/**/*.spec.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false } },
  },
);

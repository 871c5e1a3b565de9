// ESLint flat config: typescript-eslint for the TypeScript, eslint-plugin-regexp for the regex-heavy
// extractors (CONVENTIONS 12: catastrophic backtracking and super-linear moves are errors).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'web/dist/**', 'test-artifacts/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'prefer-const': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // browser tests run code inside the page (page.evaluate) and the UI runs in the browser
    files: ['test/browser/**', 'web/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The repo's ESLint flat config. Type-aware, because the rule that matters most here,
 * `no-floating-promises`, needs types: a forgotten `await` in a Lambda loses work silently
 * when the runtime freezes the process after the handler returns.
 *
 * @example
 * // eslint.config.js
 * import config from '@cognito-triggers/eslint-config';
 * export default config;
 */
export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests define trigger handlers inline: they are async by contract even when they do not await.
    files: ['**/*.test.ts', '**/*.test-d.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

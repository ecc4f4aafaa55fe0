import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine must stay free of both front ends.
    files: ['src/smpp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node-red*', '@node-red/*', 'n8n-*'] }],
    },
  },
);

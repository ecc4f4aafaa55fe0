import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node-RED constructors name `this` once (`const node = this`), as its own nodes do.
    files: ['src/node-red/**/*.ts'],
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    // The engine must stay free of both front ends.
    files: ['src/smpp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node-red*', '@node-red/*', 'n8n-*'] }],
    },
  },
);

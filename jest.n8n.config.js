/**
 * The n8n suite: n8n-core and n8n-workflow 2.40 from .cache/n8n under Node 24
 * (scripts/test-n8n.js installs both). The nodes are loaded from dist/ as n8n
 * loads them, and their require('n8n-workflow') gets the engine's own copy.
 */
const path = require('node:path');
const n8nModules = path.join(__dirname, '.cache/n8n/node_modules');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/n8n'],
  testMatch: ['**/*.test.ts'],
  // Captures each test file's output and fails the file if a password shows in it.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/secret-guard.ts'],
  testTimeout: 60000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.n8n.json' }] },
  moduleNameMapper: {
    '^n8n-workflow$': path.join(n8nModules, 'n8n-workflow'),
    '^n8n-core$': path.join(n8nModules, 'n8n-core'),
  },
  modulePaths: [n8nModules],
};

/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Captures each test file's output and fails the file if a password shows in it.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/secret-guard.ts'],
  // The n8n engine (Node 24) and the browser suites have runners of their own: see package.json.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/n8n/', '<rootDir>/test/editor/'],
  collectCoverageFrom: ['src/smpp/**/*.ts'],
  testTimeout: 30000,
  // Real sockets: every test file owns its servers; run files in two workers on a 2-core box.
  maxWorkers: 2,
};

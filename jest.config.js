/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  collectCoverageFrom: ['src/smpp/**/*.ts'],
  testTimeout: 30000,
  // Real sockets: every test file owns its servers; run files in two workers on a 2-core box.
  maxWorkers: 2,
};

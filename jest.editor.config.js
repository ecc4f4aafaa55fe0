/** The browser suite: run by scripts/test-editor.js, which installs Chromium when it is missing. */
module.exports = { ...require('./jest.config.js'), testPathIgnorePatterns: ['/node_modules/'], roots: ['<rootDir>/test/editor'], testTimeout: 60000 };

// Jest configuration: TypeScript through ts-jest (transpile only; `npm run check` does the type check).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // the emulator's front door without relying on the workspace link in node_modules (see emulator/README.md)
  moduleNameMapper: { '^@eco-ledger/emulator$': '<rootDir>/emulator/index.ts' },
};

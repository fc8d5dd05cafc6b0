/** Jest runs TypeScript through @swc/jest (no type-check; `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': swc },
  // jose is ESM-only: jest's module runtime needs it compiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(jose|strip-bom|text-readability|syllable)/)'],
  // adaptivecards' package "main" is bundler-only ESM; its UMD bundle loads in Node.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
};

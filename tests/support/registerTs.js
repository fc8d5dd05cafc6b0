// Lets a child process run the TypeScript sources directly (`node -r ./tests/support/registerTs.js x.ts`),
// compiling each file with swc as it loads: tests spawn real processes without a build step.
const Module = require('node:module');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

Module._extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

// jose is ESM-only; Node 20.19+ loads it through require(esm), so nothing more is needed.

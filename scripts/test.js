// `npm test`: everything CI checks, in one command on a clean machine.
// Builds, type-checks and lints, then runs jest and ends with one plain line "N passed, N failed".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const extraArgs = process.argv.slice(2);

function run(label, command, args, options = {}) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  ['prerequisites (Chromium for browser tests)', process.execPath, [path.join(__dirname, 'prerequisites.js')]],
  ['build', npm, ['run', '--silent', 'build']],
  ['typecheck', npm, ['run', '--silent', 'typecheck']],
  ['lint', npm, ['run', '--silent', 'lint']],
];
const failedSteps = steps.filter(([label, command, args]) => !run(label, command, args)).map(([label]) => label);

const resultsFile = path.join(root, 'jest-results.json');
fs.rmSync(resultsFile, { force: true });
const jestOk = run('jest', process.execPath, [
  require.resolve('jest/bin/jest', { paths: [root] }),
  '--ci',
  '--json',
  `--outputFile=${resultsFile}`,
  ...extraArgs,
]);

let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed + failedSteps.length} failed`);
process.exit(jestOk && failedSteps.length === 0 && passed > 0 ? 0 : 1);

// `npm run bench`: every benchmark in turn, each in its own process so one cannot warm up another.
// Each prints its figures and PASS/FAIL lines; this exits 1 if any failed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const only = process.argv.slice(2);
const benches = ['consent.ts', 'azure.ts', 'followUp.ts', 'tab.ts'].filter((f) => fs.existsSync(path.join(__dirname, f)) && (only.length === 0 || only.some((o) => f.startsWith(o))));
let failed = false;
for (const file of benches) {
  console.log(`\n== bench/${file} (${new Date().toISOString()}, ${require('node:os').cpus().length} cores, Node ${process.version})`);
  const result = spawnSync(process.execPath, ['-r', './tests/support/registerTs.js', path.join('bench', file)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

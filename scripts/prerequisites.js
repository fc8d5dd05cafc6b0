// Installs what the browser tests need and npm cannot bring: Debian's Chromium. Run by `npm test`
// (and so by .ci/run) before jest; a machine that already has /usr/bin/chromium skips it.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install Debian's "chromium" package (apt-get install chromium) and run the tests again.`);
    return false;
  }
  console.log('Installing Debian Chromium for the browser tests (once per machine)…');
  return run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']) && fs.existsSync(CHROMIUM);
}

module.exports = { ensureChromium, CHROMIUM };

if (require.main === module) process.exit(ensureChromium() ? 0 : 1);

// Shared by `npm start`, the meeting simulator and the end-to-end tests: where the Agents
// Playground lives and how to start it against our bot with the committed config.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const DEFAULT_PORT = 56150;
const CONFIG_PATH = path.join(root, '.m365agentsplayground.yml');

function startPlayground({ botEndpoint, port = DEFAULT_PORT, logFile, stdio = 'ignore' }) {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [root] });
  const child = spawn(
    process.execPath,
    [cli, '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: root,
      stdio,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: CONFIG_PATH,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile ?? path.join(root, 'devTools', 'playground.log'),
      },
    },
  );
  return { child, url: `http://127.0.0.1:${port}` };
}

async function waitFor(url, { timeoutMs = 20000, ok = (r) => r.ok } = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if (ok(await fetch(url))) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

module.exports = { startPlayground, waitFor, DEFAULT_PORT, CONFIG_PATH, root };

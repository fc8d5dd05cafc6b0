// `npm start`: the bot in local mode on SQLite, with the Microsoft 365 Agents Playground as a
// local Teams. Ctrl-C stops both.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { startPlayground, waitFor, DEFAULT_PORT, root } = require('./playground.js');

const BOT_PORT = Number(process.env.PORT || 3978);
const children = [];

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function main() {
  const bot = spawn(process.execPath, [path.join(root, 'dist', 'bot', 'main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, COPRODUCE_MODE: 'local', BOT_ID: '', PORT: String(BOT_PORT), DATA_DIR: process.env.DATA_DIR || 'data/local' },
  });
  children.push(bot);
  bot.on('exit', (code) => stopAll(code ?? 1));
  if (!(await waitFor(`http://127.0.0.1:${BOT_PORT}/healthz`))) {
    console.error('The bot did not start. See the messages above.');
    return stopAll(1);
  }

  const playground = startPlayground({ botEndpoint: `http://127.0.0.1:${BOT_PORT}/api/messages`, port: DEFAULT_PORT });
  children.push(playground.child);
  playground.child.on('exit', (code) => stopAll(code ?? 1));
  if (!(await waitFor(`${playground.url}/_debug/ping`))) {
    console.error('The Agents Playground did not start. Its log is in devTools/playground.log.');
    return stopAll(1);
  }

  console.log(`
Coproduce is running locally.
  Open the Agents Playground (a local Teams): http://localhost:${DEFAULT_PORT}
  Try "help" in the personal chat, or "@Coproduce help" in the group chat.
  Simulate a meeting in another terminal: npm run meeting -- start

WARNING: the Agents Playground listens on every network interface, not only this machine.
Use local mode with test data only. Press Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});

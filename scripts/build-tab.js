// Builds the tab (tab/, React + Fluent UI) into dist/tab with Vite, for the bot's server to serve
// under /tab/. Vite is ESM-only, so it is loaded with import() from this CommonJS script; its
// config is tab/vite.config.mts (.mts because this package is CommonJS).
const path = require('node:path');

const root = path.resolve(__dirname, '..');

async function main() {
  // Always the production build of React and Fluent, even when started from a test run (jest sets
  // NODE_ENV=test, which Vite would otherwise pass on to the bundle).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'tab', 'vite.config.mts'), logLevel: 'warn' });
  console.log('tab built into dist/tab');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

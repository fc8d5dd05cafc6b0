#!/usr/bin/env node
// npm run package [-- --env env/.env.dev] [--out some/dir]
// Fills appPackage/manifest.json from an env file, checks it offline against the bundled Teams schema
// and the icons, and writes appPackage.<env>.zip ready to upload to Teams.
'use strict';

const path = require('node:path');
const { buildAppPackage } = require('./appManifest');

const projectRoot = path.join(__dirname, '..');

const USAGE = 'Usage: npm run package -- [--env <env file>] [--out <folder>]';

/** Reads --env and --out; returns { envFile, outDir } or { error }. */
function parseArgs(argv) {
  const options = {
    envFile: path.join(projectRoot, 'env', '.env.local'),
    outDir: path.join(projectRoot, 'appPackage', 'build'),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--env' || flag === '--out') && value !== undefined && !value.startsWith('--')) {
      if (flag === '--env') options.envFile = path.resolve(value);
      else options.outDir = path.resolve(value);
      i += 1;
    } else {
      return { error: `Did not understand "${flag}". ${USAGE}` };
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if ('error' in options) {
    console.error(options.error);
    return 2;
  }
  const result = await buildAppPackage({ appDir: path.join(projectRoot, 'appPackage'), ...options });
  if (!result.ok) {
    console.error('Could not package the Teams app:');
    for (const problem of result.problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log(`Packaged the Teams app for "${result.envName}": ${path.relative(process.cwd(), result.zipPath)}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`Packaging stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

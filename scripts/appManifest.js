// Turns appPackage/manifest.json (with ${{NAME}} placeholders) into a checked Teams app package.
// Kept apart from the command-line wrapper (package-app.js) so tests can call each step directly.
// Expected problems (a missing value, a schema error, a wrong icon) come back as plain-English strings,
// never as throws, so the caller can list them all at once.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');
const JSZip = require('jszip');
const { AppManifestUtils } = require('@microsoft/app-manifest');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may be left empty: everything else must have a value. */
const OPTIONAL_VARIABLES = new Set(['APP_NAME_SUFFIX']);

/** Teams asks for exactly these sizes; other sizes are rejected when the app is uploaded. */
const COLOUR_ICON_SIZE = 192;
const OUTLINE_ICON_SIZE = 32;

/** A fixed timestamp for files in the zip, so packaging the same inputs gives the same bytes. */
const ZIP_FILE_DATE = new Date('2026-01-01T00:00:00Z');

/** Reads KEY=VALUE lines (the Teams Toolkit env file format); # starts a comment line. */
function parseEnvText(text) {
  const values = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    let value = line.slice(equals + 1).trim();
    const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]);
    if (quoted) value = value.slice(1, -1);
    values[key] = value;
  }
  return values;
}

/** `env/.env.dev` → `dev`; any other file name → its name without extension. */
function envNameFromPath(envFile) {
  const base = path.basename(envFile);
  const match = /^\.env\.(.+)$/.exec(base);
  const name = match ? match[1] : base.replace(/\.[^.]*$/, '') || base;
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Every placeholder name used anywhere in the template, in order of first use. */
function placeholderNames(template) {
  const names = new Set();
  for (const match of JSON.stringify(template).matchAll(PLACEHOLDER)) names.add(match[1]);
  return [...names];
}

/**
 * Replaces placeholders inside string values only (after parsing), so a value containing quotes or
 * backslashes can never break the JSON. Returns the filled copy and the names that had no value.
 */
function fillPlaceholders(template, values) {
  const missing = placeholderNames(template).filter(
    (name) => !OPTIONAL_VARIABLES.has(name) && (values[name] === undefined || values[name] === ''),
  );
  const fill = (node) => {
    if (typeof node === 'string') return node.replace(PLACEHOLDER, (_, name) => values[name] ?? '');
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  return { manifest: fill(template), missing };
}

/** BOT_DOMAIN is used inside URLs and validDomains, so it must be a bare host (port allowed). */
function checkDomain(values) {
  const domain = values.BOT_DOMAIN;
  if (domain === undefined || domain === '') return [];
  if (/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(domain)) return [];
  return [
    `BOT_DOMAIN should be a host name such as coproduce.example.org, without https:// or a path (it is "${domain}").`,
  ];
}

function bundledSchemaUrl(manifestVersion) {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

/**
 * Validates against the schema shipped inside @microsoft/app-manifest. We first make sure that file
 * exists, because for an unknown version the library would try to download the schema instead.
 */
async function validateAgainstBundledSchema(manifest) {
  const version = String(manifest.manifestVersion ?? '');
  const expectedUrl = bundledSchemaUrl(version);
  if (manifest.$schema !== expectedUrl) {
    return [`The manifest's $schema should be ${expectedUrl} to match manifestVersion "${version}".`];
  }
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = path.join(packageRoot, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) {
    return [`There is no bundled schema for manifest version ${version}, so the manifest cannot be checked offline.`];
  }
  try {
    const schema = await AppManifestUtils.fetchSchema(expectedUrl);
    const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
    return errors.map((error) => `Schema check: ${error.trim()}`);
  } catch (error) {
    return [`The schema check could not run: ${error instanceof Error ? error.message : String(error)}`];
  }
}

function readPng(file) {
  try {
    return PNG.sync.read(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Checks what Teams checks on upload: icon sizes, and that the outline icon is white on transparent. */
function checkIcons(appDir, manifest) {
  const problems = [];
  const icons = manifest.icons ?? {};
  const colour = readPng(path.join(appDir, String(icons.color)));
  if (!colour) problems.push(`The colour icon (${icons.color}) is missing or is not a PNG file.`);
  else if (colour.width !== COLOUR_ICON_SIZE || colour.height !== COLOUR_ICON_SIZE) {
    problems.push(`The colour icon must be ${COLOUR_ICON_SIZE} x ${COLOUR_ICON_SIZE} pixels (it is ${colour.width} x ${colour.height}).`);
  }
  const outline = readPng(path.join(appDir, String(icons.outline)));
  if (!outline) problems.push(`The outline icon (${icons.outline}) is missing or is not a PNG file.`);
  else {
    if (outline.width !== OUTLINE_ICON_SIZE || outline.height !== OUTLINE_ICON_SIZE) {
      problems.push(`The outline icon must be ${OUTLINE_ICON_SIZE} x ${OUTLINE_ICON_SIZE} pixels (it is ${outline.width} x ${outline.height}).`);
    }
    let coloured = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const visible = outline.data[i + 3] > 0;
      const white = outline.data[i] === 255 && outline.data[i + 1] === 255 && outline.data[i + 2] === 255;
      if (visible && !white) coloured += 1;
    }
    if (coloured > 0) {
      problems.push(`The outline icon may only use white on a transparent background (${coloured} pixels have another colour).`);
    }
  }
  return problems;
}

/** Zips manifest.json and the two icons at the root of the archive, as Teams expects. */
async function zipAppPackage(appDir, manifest) {
  const zip = new JSZip();
  const options = { date: ZIP_FILE_DATE };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, options);
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(path.basename(icon), fs.readFileSync(path.join(appDir, icon)), options);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The whole packaging step: read the env file, fill the manifest, check it, write the zip.
 * Returns { ok: true, zipPath, envName } or { ok: false, problems }.
 */
async function buildAppPackage({ appDir, envFile, outDir }) {
  const envLabel = path.relative(process.cwd(), envFile) || envFile;
  if (!fs.existsSync(envFile)) return { ok: false, problems: [`The env file ${envLabel} does not exist.`] };
  const values = parseEnvText(fs.readFileSync(envFile, 'utf8'));
  let template;
  try {
    template = JSON.parse(fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8'));
  } catch (error) {
    return { ok: false, problems: [`Could not read ${path.join(appDir, 'manifest.json')}: ${error.message}`] };
  }

  const { manifest, missing } = fillPlaceholders(template, values);
  const problems = [];
  if (missing.length > 0) {
    problems.push(`${envLabel} has no value for: ${missing.join(', ')}. Fill these in and run the packaging again.`);
  }
  problems.push(...checkDomain(values));
  problems.push(...checkIcons(appDir, manifest));
  // Schema errors about empty values only repeat the missing-value message above.
  if (missing.length === 0) problems.push(...(await validateAgainstBundledSchema(manifest)));
  if (problems.length > 0) return { ok: false, problems };

  const envName = envNameFromPath(envFile);
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  fs.writeFileSync(zipPath, await zipAppPackage(appDir, manifest));
  return { ok: true, zipPath, envName };
}

module.exports = {
  OPTIONAL_VARIABLES,
  parseEnvText,
  envNameFromPath,
  placeholderNames,
  fillPlaceholders,
  checkDomain,
  validateAgainstBundledSchema,
  checkIcons,
  buildAppPackage,
};

/**
 * The built tab (dist/tab) for the browser tests. `npm test` builds it first; when a test runs on
 * its own and the build is missing or older than the files it was built from (the build lists
 * them in dist/tab-sources.json), it is built here, once, with a lock so that test files running
 * side by side do not build over each other.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BUILT_TAB = path.join(ROOT, 'dist', 'tab');
const SOURCES_LIST = path.join(ROOT, 'dist', 'tab-sources.json');
const LOCK = path.join(ROOT, 'dist', '.tab-build-lock');
const STALE_LOCK_MS = 3 * 60_000;

function newestInTree(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestInTree(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!fs.existsSync(SOURCES_LIST) || !fs.existsSync(path.join(BUILT_TAB, 'index.html'))) return false;
  const builtAt = fs.statSync(SOURCES_LIST).mtimeMs;
  const listed = JSON.parse(fs.readFileSync(SOURCES_LIST, 'utf8')) as string[];
  const newestListed = Math.max(0, ...listed.map((file) => (fs.existsSync(path.join(ROOT, file)) ? fs.statSync(path.join(ROOT, file)).mtimeMs : Infinity)));
  // New files in tab/ are not in the list yet: the whole folder counts.
  return Math.max(newestListed, newestInTree(path.join(ROOT, 'tab'))) <= builtAt;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuiltTab(): string {
  if (isFresh()) return BUILT_TAB;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.existsSync(LOCK) ? fs.statSync(LOCK).mtimeMs : Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    // Another test file may have built it while this one waited.
    if (!isFresh()) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-tab.js')], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
  return BUILT_TAB;
}

/** The files the side panel loads before it can draw (entry script, preloads, styles), gzipped. */
export function sidePanelBundleBytes(): { readonly files: readonly string[]; readonly gzipBytes: number; readonly rawBytes: number } {
  const html = fs.readFileSync(path.join(BUILT_TAB, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(BUILT_TAB, file));
    rawBytes += content.length;
    gzipBytes += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

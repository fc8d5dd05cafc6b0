/**
 * Builds the tab into dist/tab, served by the bot's server under /tab/. No React plugin: Vite's
 * own oxc transform compiles TSX with the automatic JSX runtime (tsconfig "jsx": "react-jsx").
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const tabRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = path.resolve(tabRoot, '..');
const outDir = path.join(projectRoot, 'dist', 'tab');

/**
 * Writes the list of source files the bundle was built from beside (not inside) the served
 * folder, so the browser tests can tell whether the build is older than the code it came from.
 */
function recordSources(): Plugin {
  const sources = new Set<string>();
  return {
    name: 'coproduce-record-sources',
    load(id) {
      const file = id.split('?')[0];
      if (!file.startsWith('\0') && !file.includes(`${path.sep}node_modules${path.sep}`) && file.startsWith(projectRoot)) sources.add(path.relative(projectRoot, file));
      return null;
    },
    writeBundle() {
      fs.writeFileSync(path.join(projectRoot, 'dist', 'tab-sources.json'), JSON.stringify([...sources].sort(), null, 1));
    },
  };
}

export default defineConfig({
  root: tabRoot,
  base: '/tab/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [recordSources()],
  build: {
    outDir,
    emptyOutDir: true,
    // Source maps stay out of the served folder; the size we care about is the gzipped bundle.
    sourcemap: false,
    reportCompressedSize: true,
    // The side panel's budget (200 kB gzipped) is checked by the browser tests, not by this warning.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // Fluent marks its modules 'use client' for React Server Components; meaningless in a bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        index: path.join(tabRoot, 'index.html'),
        authStart: path.join(tabRoot, 'auth-start.html'),
        authEnd: path.join(tabRoot, 'auth-end.html'),
      },
    },
  },
  logLevel: 'warn',
});

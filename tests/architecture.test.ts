// Dependencies point inward (DESIGN.md "Architecture"): the core knows no framework and does no
// I/O, botbuilder lives only in bot/teams/, restify only in bot/http/, process.env only in
// bot/config.ts, and cards are pure functions over core view types.
import fs from 'node:fs';
import path from 'node:path';

const BOT = path.join(__dirname, '..', 'bot');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface SourceFile {
  readonly rel: string;
  readonly text: string;
  readonly imports: readonly string[];
}

const files: SourceFile[] = sourceFiles(BOT).map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return { rel: path.relative(BOT, file).split(path.sep).join('/'), text, imports };
});

const inFolder = (folder: string) => (f: SourceFile) => f.rel.startsWith(`${folder}/`);
const importing = (pattern: RegExp) => (f: SourceFile) => f.imports.some((i) => pattern.test(i));

test('the scan sees the code it guards', () => {
  expect(files.filter(inFolder('core')).length).toBeGreaterThan(5);
  expect(files.filter(inFolder('teams')).length).toBeGreaterThan(3);
});

test('botbuilder is imported only in bot/teams/', () => {
  const offenders = files.filter(importing(/^botbuilder|^botframework-/)).filter((f) => !inFolder('teams')(f));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('restify is imported only in bot/http/', () => {
  const offenders = files.filter(importing(/^restify/)).filter((f) => !inFolder('http')(f));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('process.env is read only in bot/config.ts', () => {
  const offenders = files.filter((f) => /process\.env/.test(f.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
  expect(offenders.map((f) => f.rel)).toEqual(['config.ts']);
});

test('the core imports no framework, no storage engine and nothing that does I/O', () => {
  const forbidden = /^(botbuilder|botframework-|restify|@azure\/|better-sqlite3|@microsoft\/|pino|zod|jose|node:(fs|http|https|net|child_process|dgram|dns|tls)|fs$|http$|https$|net$)/;
  const offenders = files.filter(inFolder('core')).filter(importing(forbidden));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('the core never imports from the outer folders', () => {
  const outer = /^\.\.\/(teams|http|storage|jobs|cards)\/|^\.\.\/(app|main|log|config)$/;
  const offenders = files.filter(inFolder('core')).filter(importing(outer));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('cards import only their own files and core types', () => {
  const offenders = files.filter(inFolder('cards')).filter((f) =>
    f.imports.some((i) => !i.startsWith('./') && !(i.startsWith('../core/') && new RegExp(`import type [^;]*['"]${i}['"]`).test(f.text))),
  );
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('the core does not read the clock itself', () => {
  const offenders = files.filter(inFolder('core')).filter((f) => /new Date\(\)|Date\.now\(\)/.test(f.text));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('the services (use cases) import no framework and no storage engine: only core, cards and each other', () => {
  const forbidden = /^(botbuilder|botframework-|restify|@azure\/|better-sqlite3|pino|node:(fs|http|https|net|child_process)|fs$|http$|https$|net$)|^\.\.\/(teams|http|storage|jobs)\/|^\.\.\/(app|main|log|config)$/;
  const offenders = files.filter(inFolder('services')).filter(importing(forbidden));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

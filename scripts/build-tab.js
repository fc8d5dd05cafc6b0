// Builds the tab into dist/tab. Until the React tab lands this copies the static page.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist', 'tab');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const file of ['index.html']) fs.copyFileSync(path.join(root, 'tab', file), path.join(out, file));
console.log('tab built into dist/tab');

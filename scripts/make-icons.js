#!/usr/bin/env node
// Draws the two Teams app icons into appPackage/ (run: node scripts/make-icons.js).
// The mark is three overlapping rings (different people), the shared middle filled in on the colour icon
// (common ground).
// Icons are drawn from geometry rather than kept as hand-made art so they can be remade at any size,
// and so the outline icon is guaranteed to hold nothing but white (Teams rejects any other colour there).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

/** Accent colour: the colour icon's background; the manifest's accentColor uses the same value. */
const ACCENT = [0x1f, 0x6f, 0x6b];
const RING = [255, 255, 255];
const MIDDLE = [0xff, 0xc9, 0x4d];

// Geometry in ring-radius units, centred on (0, 0).
const RING_RADIUS = 1;
const CENTRE_DISTANCE = 0.6; // how far each ring's centre sits from the middle: sets the overlap
const RING_ANGLES = [-90, 30, 150].map((degrees) => (degrees * Math.PI) / 180);
const RING_CENTRES = RING_ANGLES.map((a) => ({ x: CENTRE_DISTANCE * Math.cos(a), y: CENTRE_DISTANCE * Math.sin(a) }));

/** Samples per pixel side: edges get smooth partial coverage instead of jagged steps. */
const SUPERSAMPLE = 8;

/** Size of the mark (outer edge of the rings) in ring-radius units, given the stroke width. */
function markExtent(stroke) {
  const outer = RING_RADIUS + stroke / 2;
  const xs = RING_CENTRES.map((c) => [c.x - outer, c.x + outer]).flat();
  const ys = RING_CENTRES.map((c) => [c.y - outer, c.y + outer]).flat();
  return {
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
    midX: (Math.max(...xs) + Math.min(...xs)) / 2,
    midY: (Math.max(...ys) + Math.min(...ys)) / 2,
  };
}

/** What lies at a point of the mark: part of a ring, part of the shared middle, or neither. */
function partAt(x, y, stroke) {
  let insideAll = true;
  for (const c of RING_CENTRES) {
    const distance = Math.hypot(x - c.x, y - c.y);
    if (Math.abs(distance - RING_RADIUS) <= stroke / 2) return 'ring';
    if (distance > RING_RADIUS) insideAll = false;
  }
  return insideAll ? 'middle' : 'none';
}

/**
 * Coverage (0..1) of each part for every pixel of a square image, with the mark fitted into a
 * centred box `box` pixels wide.
 */
function coverage(size, box, stroke) {
  const extent = markExtent(stroke);
  const scale = box / Math.max(extent.width, extent.height);
  const ring = new Float64Array(size * size);
  const middle = new Float64Array(size * size);
  const step = 1 / SUPERSAMPLE;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let ringHits = 0;
      let middleHits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) * step - size / 2) / scale + extent.midX;
          const y = (py + (sy + 0.5) * step - size / 2) / scale + extent.midY;
          const part = partAt(x, y, stroke);
          if (part === 'ring') ringHits += 1;
          else if (part === 'middle') middleHits += 1;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      ring[py * size + px] = ringHits / samples;
      middle[py * size + px] = middleHits / samples;
    }
  }
  return { ring, middle };
}

/** Colour icon: solid accent square, the mark inside the central 96 x 96 safe area (48 px margin). */
function drawColourIcon() {
  const size = 192;
  const { ring, middle } = coverage(size, 96, 0.3);
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i += 1) {
    const background = 1 - ring[i] - middle[i];
    for (let channel = 0; channel < 3; channel += 1) {
      const value = ACCENT[channel] * background + RING[channel] * ring[i] + MIDDLE[channel] * middle[i];
      png.data[i * 4 + channel] = Math.round(value);
    }
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/**
 * Outline icon: white only, on full transparency; the mark nearly fills the square (Teams adds no padding).
 * Rings only: at 32 px a filled middle merges with the rings into a blob.
 */
function drawOutlineIcon() {
  const size = 32;
  const { ring } = coverage(size, 30, 0.24);
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i += 1) {
    const alpha = Math.round(ring[i] * 255);
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = alpha;
  }
  return PNG.sync.write(png);
}

function main() {
  const appPackageDir = path.join(__dirname, '..', 'appPackage');
  fs.writeFileSync(path.join(appPackageDir, 'color.png'), drawColourIcon());
  fs.writeFileSync(path.join(appPackageDir, 'outline.png'), drawOutlineIcon());
  console.log('Wrote appPackage/color.png (192 x 192) and appPackage/outline.png (32 x 32).');
}

if (require.main === module) main();

module.exports = { drawColourIcon, drawOutlineIcon };

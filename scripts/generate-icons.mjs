#!/usr/bin/env node
// Generates VendorDesk's raster icons from the master artwork resources/icons/icon.svg.
//
//   node scripts/generate-icons.mjs
//
// Run it after editing the SVG and commit the results: packaging reads the committed files, so
// building an installer never needs this script or its dev dependencies. The output is
// deterministic (resvg renders without system fonts; the SVG has no text). icon.svg.sha256 records
// which SVG the committed files were made from, so test/unit/packaging notices an SVG edited without
// regenerating (a hash, not a pixel comparison: anti-aliasing may differ by a bit between platforms).
//
// Outputs in resources/icons/:
//   icon.png      1024×1024, the whole Apple-grid artwork (tile plus margin); source of icon.icns
//   icon.icns     macOS, 16…512 at @1x and @2x
//   icon.ico      Windows, 16…256 (electron-builder and NSIS require the 256 entry)
//   png/NxN.png   16…512 cropped to the tile, for Linux (electron-builder `linux.icon` folder),
//                 the tray and window icons — small sizes need every pixel, not Apple's margin.
//   icon.svg.sha256  SHA-256 of icon.svg (line endings normalised, as Git may check it out with CRLF)
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const ICON_DIR = fileURLToPath(new URL('../resources/icons/', import.meta.url));
export const MASTER_SVG = path.join(ICON_DIR, 'icon.svg');
export const MASTER_SIZE = 1024;
export const TILE_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

// The tile occupies 100…924 on Apple's 1024 grid (see the comment in icon.svg).
const FULL_VIEWBOX = `0 0 ${MASTER_SIZE} ${MASTER_SIZE}`;
const TILE_VIEWBOX = '100 100 824 824';

/** Renders `svg` to a square PNG of `size` px after replacing its root viewBox with `viewBox`. */
function renderPng(svg, size, viewBox) {
  const root = /<svg\b[^>]*\bviewBox="([^"]*)"/.exec(svg);
  if (!root || root[1] !== FULL_VIEWBOX) {
    throw new Error(
      `icon.svg: the root <svg> must have viewBox="${FULL_VIEWBOX}" (found ${root ? `"${root[1]}"` : 'none'})`,
    );
  }
  const cropped = svg.replace(`viewBox="${FULL_VIEWBOX}"`, `viewBox="${viewBox}"`);
  const resvg = new Resvg(cropped, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  const image = resvg.render();
  if (image.width !== size || image.height !== size) {
    throw new Error(
      `icon.svg rendered at ${image.width}×${image.height}, expected ${size}×${size}: is the artwork square?`,
    );
  }
  return image.asPng();
}

function requireOutput(buffer, what) {
  if (!buffer) throw new Error(`png2icons could not create ${what}`);
  return buffer;
}

/** Hex SHA-256 of the SVG text with CRLF normalised to LF. */
export function svgDigest(svg) {
  return createHash('sha256').update(svg.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** All icon files for `svg`, as relative path → bytes (nothing is written). */
export function renderIconSet(svg) {
  const files = new Map();
  const master = renderPng(svg, MASTER_SIZE, FULL_VIEWBOX);
  files.set('icon.png', master);
  for (const size of TILE_SIZES) {
    files.set(`png/${size}x${size}.png`, renderPng(svg, size, TILE_VIEWBOX));
  }
  // png2icons caches decoded inputs by identity; clear it so repeated runs are independent.
  png2icons.clearCache();
  files.set('icon.icns', requireOutput(png2icons.createICNS(master, png2icons.BICUBIC2, 0), 'icon.icns'));
  const tile256 = files.get('png/256x256.png');
  // usePNG=false, forWinExe=true: BMP entries for 16…48 (old Explorer/rcedit), PNG for 256.
  files.set(
    'icon.ico',
    requireOutput(png2icons.createICO(tile256, png2icons.BICUBIC2, 0, false, true), 'icon.ico'),
  );
  files.set('icon.svg.sha256', Buffer.from(`${svgDigest(svg)}\n`, 'utf8'));
  return files;
}

export async function writeIconSet(dir = ICON_DIR) {
  const svg = await readFile(MASTER_SVG, 'utf8');
  const files = renderIconSet(svg);
  await mkdir(path.join(dir, 'png'), { recursive: true });
  for (const [name, bytes] of files) {
    await writeFile(path.join(dir, name), bytes);
  }
  return [...files.keys()];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const written = await writeIconSet();
  console.log(`icons written to ${path.relative(process.cwd(), ICON_DIR) || '.'}: ${written.join(', ')}`);
}

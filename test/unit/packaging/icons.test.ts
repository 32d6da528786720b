// The committed icon files: right formats and sizes (read from their headers), generated from the
// current icon.svg, and the generator itself produces that set.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot, importScript } from './project';

interface GeneratorScript {
  TILE_SIZES: number[];
  MASTER_SIZE: number;
  renderIconSet: (svg: string) => Map<string, Buffer>;
  svgDigest: (svg: string) => string;
}

const generator = await importScript<GeneratorScript>('scripts/generate-icons.mjs');
const iconFile = (name: string): Buffer => readFileSync(fromRoot('resources/icons', name));
const svg = iconFile('icon.svg').toString('utf8');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws if `bytes` is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** ICO directory entries (a width/height byte of 0 means 256). */
function icoEntries(bytes: Buffer): { size: number; format: 'png' | 'bmp' }[] {
  expect(bytes.readUInt16LE(0), 'ICO reserved field').toBe(0);
  expect(bytes.readUInt16LE(2), 'ICO image type (1 = icon)').toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + index * 16;
    const width = bytes.readUInt8(entry) || 256;
    const height = bytes.readUInt8(entry + 1) || 256;
    expect(height).toBe(width);
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    expect(offset + length, `ICO entry ${width} lies inside the file`).toBeLessThanOrEqual(bytes.length);
    const image = bytes.subarray(offset, offset + length);
    if (image.subarray(0, 8).equals(PNG_SIGNATURE)) {
      expect(pngSize(image)).toEqual({ width, height });
      return { size: width, format: 'png' as const };
    }
    expect(image.readUInt32LE(0), 'BITMAPINFOHEADER size').toBe(40);
    expect(image.readInt32LE(4)).toBe(width);
    return { size: width, format: 'bmp' as const };
  });
}

/** ICNS element types with the pixel size of their embedded PNG. */
function icnsEntries(bytes: Buffer): Map<string, number> {
  expect(bytes.toString('ascii', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4), 'ICNS length field').toBe(bytes.length);
  const entries = new Map<string, number>();
  for (let offset = 8; offset < bytes.length;) {
    const type = bytes.toString('ascii', offset, offset + 4);
    const length = bytes.readUInt32BE(offset + 4);
    expect(length).toBeGreaterThan(8);
    const data = bytes.subarray(offset + 8, offset + length);
    entries.set(type, data.subarray(0, 8).equals(PNG_SIGNATURE) ? pngSize(data).width : 0);
    offset += length;
  }
  return entries;
}

describe('committed icons', () => {
  it('icon.png is a 1024×1024 PNG', () => {
    expect(pngSize(iconFile('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('png/ holds a square PNG for every size from 16 to 512, named NxN.png', () => {
    const names = readdirSync(fromRoot('resources/icons/png')).sort();
    const expected = generator.TILE_SIZES.map((size) => `${size}x${size}.png`).sort();
    expect(names).toEqual(expected);
    for (const size of generator.TILE_SIZES) {
      expect(pngSize(iconFile(`png/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('icon.ico contains 16, 32, 48 and 256 px images, 256 as PNG', () => {
    const entries = icoEntries(iconFile('icon.ico'));
    const sizes = entries.map((entry) => entry.size);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(entries.find((entry) => entry.size === 256)?.format).toBe('png');
  });

  it('icon.icns contains the @1x and @2x PNG elements from 16 to 512 (1024 px)', () => {
    const entries = icnsEntries(iconFile('icon.icns'));
    const expected: Record<string, number> = {
      ic11: 32, // 16@2x
      ic12: 64, // 32@2x
      ic07: 128,
      ic13: 256, // 128@2x
      ic08: 256,
      ic14: 512, // 256@2x
      ic09: 512,
      ic10: 1024, // 512@2x
    };
    for (const [type, size] of Object.entries(expected)) {
      expect(entries.get(type), type).toBe(size);
    }
  });

  it('were generated from the current icon.svg (run `node scripts/generate-icons.mjs` after editing it)', () => {
    expect(iconFile('icon.svg.sha256').toString('utf8').trim()).toBe(generator.svgDigest(svg));
  });

  it('the SVG digest ignores CRLF line endings (Windows checkouts) but not content', () => {
    expect(generator.svgDigest(svg.replace(/\n/g, '\r\n'))).toBe(generator.svgDigest(svg));
    expect(generator.svgDigest(svg.replace('#FFFFFF', '#FFFFFE'))).not.toBe(generator.svgDigest(svg));
  });

  it('stays clear of JD’s red brand colour: no red-dominant colour in the artwork', () => {
    const colours = [...svg.matchAll(/#([0-9a-f]{6})\b/gi)].map((match) => match[1] ?? '');
    expect(colours.length).toBeGreaterThan(0);
    for (const hex of colours) {
      const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [
        number,
        number,
        number,
      ];
      expect(r > g + b && r > 128, `#${hex} is red-dominant`).toBe(false);
    }
  });
});

describe('scripts/generate-icons.mjs', () => {
  const rendered = generator.renderIconSet(svg);

  it('produces exactly the committed file set', () => {
    const committed = [
      'icon.png',
      'icon.icns',
      'icon.ico',
      'icon.svg.sha256',
      ...readdirSync(fromRoot('resources/icons/png')).map((name) => `png/${name}`),
    ].sort();
    expect([...rendered.keys()].sort()).toEqual(committed);
  });

  it('renders every PNG at its nominal size', () => {
    expect(pngSize(rendered.get('icon.png') as Buffer).width).toBe(generator.MASTER_SIZE);
    for (const size of generator.TILE_SIZES) {
      expect(pngSize(rendered.get(`png/${size}x${size}.png`) as Buffer)).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('rejects artwork that is not on the 1024 grid, naming the problem', () => {
    expect(() =>
      generator.renderIconSet(svg.replace('viewBox="0 0 1024 1024"', 'viewBox="0 0 512 512"')),
    ).toThrow(/viewBox="0 0 1024 1024".*found "0 0 512 512"/);
  });
});

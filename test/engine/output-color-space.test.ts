import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCover } from '../../src/engine/index.js';
import { trackTitled } from './helpers/tracks.js';

// Distributors and printers read the colour space from the file; an
// untagged image is guessed at. Every format must say sRGB.

const input = trackTitled('Nebula');

/** The type names of a PNG's chunks, in order. */
function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  const chunks = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** The ICC profile a JPEG carries in its APP2 segments. */
function jpegIccProfile(jpeg: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 2;
  while (at < jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    if (marker === 0xda) break; // start of scan: no more metadata
    const length = jpeg.readUInt16BE(at + 2);
    const body = jpeg.subarray(at + 4, at + 2 + length);
    if (marker === 0xe2 && body.toString('latin1', 0, 12) === 'ICC_PROFILE\0') {
      parts.push(body.subarray(14));
    }
    at += 2 + length;
  }
  return Buffer.concat(parts);
}

/** The ICC profile in a WebP's ICCP chunk. */
function webpIccProfile(webp: Buffer): Buffer {
  let at = 12;
  while (at < webp.length) {
    const type = webp.toString('latin1', at, at + 4);
    const length = webp.readUInt32LE(at + 4);
    if (type === 'ICCP') return webp.subarray(at + 8, at + 8 + length);
    at += 8 + length + (length % 2);
  }
  return Buffer.alloc(0);
}

interface IccFacts {
  colorSpace: string;
  description: string;
  /** The red, green and blue colorants (D50 XYZ). */
  colorants: [number, number, number][];
}

function readIcc(profile: Buffer): IccFacts {
  const tags = new Map<string, Buffer>();
  const count = profile.readUInt32BE(128);
  for (let i = 0; i < count; i++) {
    const entry = 132 + i * 12;
    const offset = profile.readUInt32BE(entry + 4);
    const size = profile.readUInt32BE(entry + 8);
    tags.set(
      profile.toString('latin1', entry, entry + 4),
      profile.subarray(offset, offset + size),
    );
  }
  const xyz = (tag: string): [number, number, number] => {
    const data = tags.get(tag);
    assert.ok(data, `profile has no ${tag} tag`);
    const s15 = (at: number) => data.readInt32BE(at) / 65536;
    return [s15(8), s15(12), s15(16)];
  };
  return {
    colorSpace: profile.toString('latin1', 16, 20),
    description: profileDescription(tags.get('desc')),
    colorants: [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')],
  };
}

/** The text of a 'desc' tag (ICC v4 'mluc' or v2 'desc'). */
function profileDescription(tag: Buffer | undefined): string {
  assert.ok(tag, 'profile has no description');
  const kind = tag.toString('latin1', 0, 4);
  if (kind === 'mluc') {
    const length = tag.readUInt32BE(20);
    const offset = tag.readUInt32BE(24);
    return tag
      .subarray(offset, offset + length)
      .swap16()
      .toString('utf16le');
  }
  const length = tag.readUInt32BE(8);
  return tag.toString('latin1', 12, 12 + length).replace(/\0+$/, '');
}

/** sRGB's colorants adapted to D50, as every sRGB ICC profile has them. */
const SRGB_COLORANTS: [number, number, number][] = [
  [0.4361, 0.2225, 0.0139],
  [0.3851, 0.7169, 0.0971],
  [0.1431, 0.0606, 0.7141],
];

function assertSrgbProfile(profile: Buffer): void {
  assert.ok(profile.length > 128, 'the image carries no ICC profile');
  const facts = readIcc(profile);
  assert.equal(facts.colorSpace, 'RGB ');
  assert.match(facts.description, /sRGB/);
  facts.colorants.forEach((colorant, i) =>
    colorant.forEach((value, axis) =>
      assert.ok(
        Math.abs(value - SRGB_COLORANTS[i]![axis]!) < 0.002,
        `colorant ${i} axis ${axis}: ${value}`,
      ),
    ),
  );
}

describe('output colour space', () => {
  it('tags PNG covers sRGB, with no gamma or profile chunk saying otherwise', () => {
    const chunks = pngChunks(renderCover(input, { style: 'aura', size: 128 }));
    const srgb = chunks.find((chunk) => chunk.type === 'sRGB');
    assert.ok(srgb, `no sRGB chunk in ${chunks.map((c) => c.type)}`);
    assert.equal(srgb.data.length, 1);
    assert.ok(srgb.data[0]! <= 3, 'a valid rendering intent');
    const types = chunks.map((chunk) => chunk.type);
    assert.ok(types.indexOf('sRGB') < types.indexOf('IDAT'));
    assert.ok(!types.includes('iCCP'), 'sRGB and iCCP must not both appear');
  });

  it('embeds an sRGB ICC profile in JPEG covers', () => {
    const jpeg = renderCover(input, {
      style: 'bauhaus',
      format: 'jpeg',
      size: 128,
    });
    assertSrgbProfile(jpegIccProfile(jpeg));
  });

  it('embeds an sRGB ICC profile in WebP covers', () => {
    const webp = renderCover(input, {
      style: 'poster',
      format: 'webp',
      size: 128,
    });
    assert.equal(webp.toString('latin1', 12, 16), 'VP8X');
    assert.ok(webp[20]! & 0x20, 'the VP8X header flags an ICC profile');
    assertSrgbProfile(webpIccProfile(webp));
  });
});

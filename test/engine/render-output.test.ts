import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCover, STYLES } from '../../src/engine/index.js';
import { decode } from './helpers/pixels.js';
import { trackTitled } from './helpers/tracks.js';

const input = trackTitled('Paper Lanterns');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

describe('renderCover output', () => {
  it('defaults to a 1024 PNG', async () => {
    const bytes = renderCover(input, { style: 'bauhaus' });
    assert.deepEqual(bytes.subarray(0, 4), PNG);
    const pixels = await decode(bytes);
    assert.equal(pixels.width, 1024);
    assert.equal(pixels.height, 1024);
  });

  it('writes JPEG and WebP on request, at the asked size', async () => {
    const jpeg = renderCover(input, {
      style: 'aura',
      format: 'jpeg',
      size: 300,
    });
    assert.deepEqual(jpeg.subarray(0, 3), JPEG);
    assert.equal((await decode(jpeg)).width, 300);
    const webp = renderCover(input, {
      style: 'aura',
      format: 'webp',
      size: 200,
    });
    assert.equal(webp.toString('latin1', 0, 4), 'RIFF');
    assert.equal(webp.toString('latin1', 8, 12), 'WEBP');
    assert.equal((await decode(webp)).height, 200);
  });

  it('renders the largest size, 3000x3000', async () => {
    const pixels = await decode(
      renderCover(input, { style: 'poster', size: 3000 }),
    );
    assert.equal(pixels.width, 3000);
    assert.equal(pixels.height, 3000);
  });

  it('keeps every style under 1.5 MB as a 1024 PNG', () => {
    for (const style of STYLES) {
      const bytes = renderCover(trackTitled('Nebula'), { style: style.id });
      assert.ok(
        bytes.length < 1.5 * 1024 * 1024,
        `${style.id}: ${bytes.length} bytes`,
      );
    }
  });

  it('gives byte-identical output for the same input and options', () => {
    for (const style of STYLES) {
      const options = { style: style.id, size: 128, variation: 2 };
      assert.ok(
        renderCover(input, options).equals(renderCover(input, options)),
        style.id,
      );
    }
  });

  it('rejects bad sizes, formats and unknown styles with clear errors', () => {
    assert.throws(
      () => renderCover(input, { style: 'bauhaus', size: 63 }),
      /size must be an integer from 64 to 3000/,
    );
    assert.throws(
      () => renderCover(input, { style: 'bauhaus', size: 3001 }),
      /size/,
    );
    assert.throws(
      () => renderCover(input, { style: 'bauhaus', size: 100.5 }),
      /size/,
    );
    const format = 'gif' as unknown as 'png';
    assert.throws(
      () => renderCover(input, { style: 'bauhaus', format }),
      /format must be one of png, jpeg, webp/,
    );
    assert.throws(
      () => renderCover(input, { style: 'vaporwave' }),
      /unknown cover style "vaporwave"/,
    );
  });

  it('renders a track with nothing but a title', async () => {
    const bare = {
      title: 'Untitled 7',
      artist: '',
      tags: '',
      lyrics: '',
      audio: null,
    };
    for (const style of STYLES) {
      const pixels = await decode(
        renderCover(bare, { style: style.id, size: 96 }),
      );
      assert.equal(pixels.width, 96, style.id);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  renderCoverWithLayout,
  STYLES,
  type CoverInput,
} from '../../src/engine/index.js';
import { contrast, decode, luminance, type Pixels } from './helpers/pixels.js';
import { sharedTracks } from './helpers/tracks.js';

const SIZE = 320;
const SAFE = Math.floor(SIZE * 0.06);

function fromHex(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1, 7), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** The worst contrast of a colour against every pixel of a box. */
function worstContrastIn(
  pixels: Pixels,
  box: { x: number; y: number; w: number; h: number },
  color: string,
): number {
  const text = luminance(...fromHex(color));
  let worst = Infinity;
  for (
    let y = Math.max(0, box.y);
    y < Math.min(pixels.height, box.y + box.h);
    y++
  ) {
    for (
      let x = Math.max(0, box.x);
      x < Math.min(pixels.width, box.x + box.w);
      x++
    ) {
      const i = (y * pixels.width + x) * 4;
      const under = luminance(
        pixels.data[i] ?? 0,
        pixels.data[i + 1] ?? 0,
        pixels.data[i + 2] ?? 0,
      );
      worst = Math.min(worst, contrast(text, under));
    }
  }
  return worst;
}

/** The bounds of every pixel the text changed (glyphs only; plates stay). */
function changedBounds(
  withText: Pixels,
  without: Pixels,
): { x0: number; y0: number; x1: number; y1: number } | null {
  let bounds: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let y = 0; y < withText.height; y++) {
    for (let x = 0; x < withText.width; x++) {
      const i = (y * withText.width + x) * 4;
      const diff = Math.max(
        Math.abs((withText.data[i] ?? 0) - (without.data[i] ?? 0)),
        Math.abs((withText.data[i + 1] ?? 0) - (without.data[i + 1] ?? 0)),
        Math.abs((withText.data[i + 2] ?? 0) - (without.data[i + 2] ?? 0)),
      );
      if (diff <= 6) continue;
      bounds = bounds
        ? {
            x0: Math.min(bounds.x0, x),
            y0: Math.min(bounds.y0, y),
            x1: Math.max(bounds.x1, x),
            y1: Math.max(bounds.y1, y),
          }
        : { x0: x, y0: y, x1: x, y1: y };
    }
  }
  return bounds;
}

async function assertLegibleInside(
  input: CoverInput,
  style: string,
): Promise<void> {
  const options = { style, size: SIZE };
  const full = renderCoverWithLayout(input, options);
  const bare = renderCoverWithLayout(input, { ...options, drawText: false });
  const withText = await decode(full.bytes);
  const without = await decode(bare.bytes);
  const title = full.layout.texts.find((t) => t.role === 'title');
  assert.ok(title, 'the title is set');

  for (const box of full.layout.texts) {
    const measured = worstContrastIn(without, box, box.color);
    assert.ok(
      measured >= 4.5,
      `${box.role} "${box.text}" contrast ${measured.toFixed(2)} < 4.5`,
    );
    assert.ok(
      box.x >= SAFE && box.y >= SAFE,
      `${box.role} box starts inside the margin: ${JSON.stringify(box)}`,
    );
    assert.ok(
      box.x + box.w <= SIZE - SAFE && box.y + box.h <= SIZE - SAFE,
      `${box.role} box ends inside the margin: ${JSON.stringify(box)}`,
    );
  }

  const changed = changedBounds(withText, without);
  assert.ok(changed, 'the glyphs changed some pixels');
  assert.ok(
    changed.x0 >= SAFE && changed.y0 >= SAFE,
    `text starts inside the margin: ${JSON.stringify(changed)}`,
  );
  assert.ok(
    changed.x1 < SIZE - SAFE && changed.y1 < SIZE - SAFE,
    `text ends inside the margin: ${JSON.stringify(changed)}`,
  );
}

describe('text on every shared track in every style', () => {
  for (const input of sharedTracks()) {
    for (const style of STYLES) {
      it(`${input.title} / ${style.id}: legible, inside the safe margin`, () =>
        assertLegibleInside(input, style.id));
    }
  }
});

/**
 * Titles the shared tracks lack: right-to-left (set flush right where a
 * style sets Latin flush left), scripts that stack marks, and words with
 * no break in them that must be broken inside.
 */
/** "Zalgo Song" with twelve combining marks on every letter. */
const ZALGO = [...'Zalgo Song']
  .map(
    (letter) =>
      letter +
      Array.from({ length: 12 }, (_, k) =>
        String.fromCodePoint(0x300 + ((k * 7) % 0x70)),
      ).join(''),
  )
  .join('');

const HARD_TITLES: readonly [string, string][] = [
  [ZALGO, 'glitch pop'],
  ['שיר השירים', 'israeli pop, love'],
  ['น้ำตาแห่งความรัก', 'thai pop, romantic'],
  ['ស្រលាញ់អូនជានិច្ច', 'khmer pop'],
  ['क्षितिज के पार', 'bollywood, dreamy'],
  ['a'.repeat(100), 'electronic'],
  ['Donaudampfschifffahrtsgesellschaftskapitän', 'schlager'],
  ['🔥'.repeat(20) + '👨‍👩‍👧‍👦'.repeat(3), 'pop'],
  ['https://soundcloud.example.com/artist/very-long-track-name-v2', 'lofi'],
  ['我们一起走过的那些年月里最美丽的风景和最难忘的回忆', 'mandopop'],
];

describe('hard titles in every style', () => {
  for (const [title, tags] of HARD_TITLES) {
    const input = { title, artist: 'Artist', tags, lyrics: '', audio: null };
    for (const style of STYLES) {
      it(`${title.slice(0, 24)} / ${style.id}: legible, inside the margin`, () =>
        assertLegibleInside(input, style.id));
    }
  }
});

import { createCanvas } from '@napi-rs/canvas';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensureFontsRegistered } from '../../src/engine/fonts/register-fonts.js';
import { renderCoverWithLayout, STYLES } from '../../src/engine/index.js';
import {
  breakUnits,
  splitAtSeparators,
  splitGraphemes,
} from '../../src/engine/typography/break-units.js';
import {
  fitText,
  type FittedText,
} from '../../src/engine/typography/fit-text.js';
import { splitSyllables } from '../../src/engine/typography/syllables.js';
import { fontString } from '../../src/engine/typography/font-stack.js';
import { faceOf } from '../../src/engine/typography/genre-faces.js';
import type { Rect, TextSpec } from '../../src/engine/typography/text-spec.js';
import { trackTitled } from './helpers/tracks.js';

const LONG =
  'The Night We Drove to the Edge of the Map and Waited for the Sun to Find Us';

function lineWidths(lines: string[], stack: string[]): number[] {
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = fontString(100, stack);
  return lines.map((line) => ctx.measureText(line).width);
}

describe('title setting', () => {
  it('wraps the 75-character title into balanced lines, all words kept', () => {
    for (const style of ['bauhaus', 'poster', 'aura', 'topo', 'ink']) {
      const { layout } = renderCoverWithLayout(trackTitled(LONG), {
        style,
        size: 256,
      });
      const title = layout.texts.find((t) => t.role === 'title');
      assert.ok(title && title.lines.length >= 2, style);
      assert.equal(
        title.lines.join(' '),
        LONG,
        `${style} keeps every word in order`,
      );
      const widths = lineWidths(title.lines, title.fontStack);
      const ratio = Math.min(...widths) / Math.max(...widths);
      assert.ok(
        ratio > 0.55,
        `${style}: lines ${title.lines.join(' | ')} (ratio ${ratio.toFixed(2)})`,
      );
    }
  });

  it('never leaves an emoji alone on a line', () => {
    assert.deepEqual(breakUnits('Sunday Pancakes 🥞'), [
      'Sunday ',
      'Pancakes 🥞',
    ]);
    const { layout } = renderCoverWithLayout(
      trackTitled('Sunday Pancakes 🥞'),
      { style: 'bauhaus', size: 256 },
    );
    const lines = layout.texts.find((t) => t.role === 'title')?.lines ?? [];
    assert.ok(
      lines.every((line) => /\p{L}/u.test(line)),
      lines.join(' | '),
    );
  });

  it('breaks Japanese between words, not inside them', () => {
    assert.deepEqual(breakUnits('ネオンの雨'), ['ネオン', 'の', '雨']);
  });

  it('sets the artist when known and leaves it out when not', () => {
    const known = renderCoverWithLayout(trackTitled('Nebula'), {
      style: 'aura',
      size: 128,
    });
    assert.equal(
      known.layout.texts.find((t) => t.role === 'artist')?.text,
      'Max McCracken',
    );
    const unknown = renderCoverWithLayout(trackTitled('Paper Lanterns'), {
      style: 'aura',
      size: 128,
    });
    assert.equal(
      unknown.layout.texts.find((t) => t.role === 'artist'),
      undefined,
    );
  });
});

const HYPHEN_POINT = '\u00ad';
const VIRAMA_OR_JOINER =
  /[\u094d\u09cd\u0a4d\u0acd\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u1039\u17d2\u200d]$/u;
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Grapheme boundaries of a text, as offsets. */
function boundaries(text: string): Set<number> {
  return new Set(
    [...segmenter.segment(text)].map((s) => s.index).concat(text.length),
  );
}

/**
 * The lines, read back into the text (spaces aside): each line must be the
 * next stretch of it, less a hyphen the setting added, and must start and
 * end on a grapheme boundary. Returns how many lines end in an added
 * hyphen.
 */
function readBack(lines: string[], text: string): number {
  const plain = text.replace(/\s/g, '');
  const cuts = boundaries(plain);
  let at = 0;
  let hyphens = 0;
  for (const raw of lines) {
    const line = raw.replace(/\s/g, '');
    let piece = line;
    if (!plain.startsWith(line, at) && line.endsWith('-')) {
      piece = line.slice(0, -1);
      hyphens++;
    }
    assert.ok(plain.startsWith(piece, at), `"${raw}" is not next in the text`);
    at += piece.length;
    assert.ok(cuts.has(at), `"${raw}" ends inside a grapheme`);
    assert.ok(!VIRAMA_OR_JOINER.test(piece), `"${raw}" ends on a joiner`);
  }
  assert.equal(at, plain.length, 'every grapheme is set');
  return hyphens;
}

/** Boxes like the styles': a poster field, a band, a narrow legend. */
const BOXES: readonly Partial<TextSpec>[] = [
  { box: { x: 60, y: 70, w: 880, h: 600 }, maxSize: 300, maxLines: 5 },
  { box: { x: 60, y: 500, w: 880, h: 330 }, maxSize: 118, maxLines: 3 },
  { box: { x: 300, y: 600, w: 420, h: 260 }, maxSize: 70, maxLines: 4 },
];

function specFor(text: string, shape: Partial<TextSpec>): TextSpec {
  return {
    role: 'title',
    text,
    box: { x: 0, y: 0, w: 1000, h: 1000 },
    align: 'left',
    valign: 'top',
    faces: [faceOf('Grotesk', 700), faceOf('Inter', 800)],
    maxSize: 160,
    minSize: 28,
    maxLines: 4,
    lineHeight: 1.05,
    colors: ['#000000'],
    plate: { kind: 'box', colors: ['#ffffff'] },
    ...shape,
  };
}

function fit(spec: TextSpec): FittedText {
  ensureFontsRegistered();
  const fitted = fitText(createCanvas(100, 100).getContext('2d'), spec);
  assert.ok(fitted, 'the text is set');
  return fitted;
}

function assertInside(fitted: FittedText, box: Rect): void {
  const { x, y, w, h } = fitted.ink;
  const slack = 0.5;
  assert.ok(x >= box.x - slack && y >= box.y - slack, JSON.stringify(fitted));
  assert.ok(x + w <= box.x + box.w + slack, JSON.stringify(fitted.ink));
  assert.ok(y + h <= box.y + box.h + slack, JSON.stringify(fitted.ink));
}

describe('words too long for a line', () => {
  // [title, whether its breaks take a hyphen]
  const UNBROKEN: readonly [string, boolean][] = [
    ['a'.repeat(100), true],
    ['Donaudampfschifffahrtsgesellschaftskapitän', true],
    ['🔥'.repeat(16) + '👨‍👩‍👧‍👦'.repeat(4) + '🇩🇪'.repeat(4), false],
    ['我们一起走过的那些年月里最美丽的风景和最难忘的回忆', false],
    ['ความรักของเราจะอยู่ตลอดไปในหัวใจของฉันเสมอไม่มีวันเปลี่ยนแปลง', false],
    ['អ្នកគឺជាពន្លឺនៃជីវិតរបស់ខ្ញុំជារៀងរហូតនិងអស់កល្បជានិច្ច', false],
    ['अन्तर्राष्ट्रीयकरणक्षेत्रप्रबन्धनव्यवस्थापनसमिति', false],
  ];

  for (const [title, hyphenated] of UNBROKEN) {
    it(`breaks ${title.slice(0, 20)}… into lines of readable type`, () => {
      for (const shape of BOXES) {
        const spec = specFor(title, shape);
        const fitted = fit(spec);
        const { lines, size } = fitted;
        assert.ok(lines.length >= 2, lines.join(' | '));
        assert.ok(size >= spec.minSize, `size ${size.toFixed(1)}`);
        assertInside(fitted, spec.box);
        const hyphens = readBack(lines, title);
        assert.equal(
          hyphens,
          hyphenated ? lines.length - 1 : 0,
          lines.join(' | '),
        );
        const widths = lineWidths(lines, fitted.stack);
        const ratio = Math.min(...widths) / Math.max(...widths);
        assert.ok(ratio > 0.5, `${lines.join(' | ')} (${ratio.toFixed(2)})`);
      }
    });
  }

  // Topo's legend holds a hundred letters at 26 units at most.
  it('breaks them in every style, at 25 units or more', () => {
    for (const [title] of UNBROKEN) {
      for (const style of STYLES) {
        const { layout } = renderCoverWithLayout(
          { title, artist: '', tags: 'pop', lyrics: '', audio: null },
          { style: style.id, size: 250 },
        );
        const set = layout.texts.find((t) => t.role === 'title');
        assert.ok(set, style.id);
        const label = `${style.id}: ${set.lines.join(' | ')}`;
        assert.ok(set.lines.length >= 2, label);
        assert.ok(set.fontSizePx / 0.25 >= 25, `${label} at ${set.fontSizePx}`);
        readBack(
          set.lines,
          style.id === 'poster' ? title.toUpperCase() : title,
        );
      }
    }
  });

  it('breaks a URL after its separators, with no hyphen added', () => {
    const url = 'https://soundcloud.example.com/artist/very-long-track-name';
    for (const shape of BOXES) {
      const spec = specFor(url, shape);
      const fitted = fit(spec);
      assert.ok(fitted.lines.length >= 2);
      assert.ok(fitted.size >= spec.minSize);
      assertInside(fitted, spec.box);
      assert.equal(readBack(fitted.lines, url), 0, fitted.lines.join(' | '));
      for (const line of fitted.lines.slice(0, -1)) {
        assert.match(line, /[/.\-]$/, fitted.lines.join(' | '));
      }
    }
  });

  it('keeps words that fit whole, in every style', () => {
    for (const title of ['Extraordinary', 'Unbelievable Nights']) {
      for (const style of STYLES) {
        const { layout: set } = renderCoverWithLayout(
          { title, artist: '', tags: 'pop', lyrics: '', audio: null },
          { style: style.id, size: 128 },
        );
        const lines = set.texts.find((t) => t.role === 'title')?.lines ?? [];
        assert.equal(
          lines.join(' ').toLowerCase(),
          title.toLowerCase(),
          `${style.id}: ${lines.join(' | ')}`,
        );
      }
    }
  });

  it('breaks words at their syllables where the patterns know them', () => {
    // Each word with the syllable breaks a dictionary gives it.
    const SYLLABLES = [
      'Do-nau-dampf-schiff-fahrts-ge-sell-schafts-ka-pi-tän',
      'In-com-pre-hen-si-bil-i-ties',
      'До-сто-при-ме-ча-тель-ность',
    ];
    for (const hyphenated of SYLLABLES) {
      const word = hyphenated.replaceAll('-', '');
      const allowed = new Set(
        hyphenated
          .split('-')
          .map((_, i, all) => all.slice(0, i + 1).join('').length),
      );
      for (const style of STYLES) {
        const { layout } = renderCoverWithLayout(
          { title: word, artist: '', tags: 'pop', lyrics: '', audio: null },
          { style: style.id, size: 512 },
        );
        const lines = layout.texts.find((t) => t.role === 'title')?.lines;
        assert.ok(lines, style.id);
        let at = 0;
        for (const line of lines.slice(0, -1)) {
          at += line.replace(/-$/, '').length;
          assert.ok(allowed.has(at), `${style.id}: ${lines.join(' | ')}`);
        }
      }
    }
  });

  it('cuts syllables with hyphen points and leaves other words whole', () => {
    assert.deepEqual(splitSyllables('Extraordinary '), [
      `Ex${HYPHEN_POINT}`,
      `tra${HYPHEN_POINT}`,
      `or${HYPHEN_POINT}`,
      `di${HYPHEN_POINT}`,
      'nary ',
    ]);
    assert.deepEqual(splitSyllables('ความรักของเรา'), ['ความรักของเรา']);
    assert.deepEqual(splitSyllables('ネオンの雨'), ['ネオンの雨']);
    assert.deepEqual(splitSyllables('xkcd'), ['xkcd']);
  });

  it('cuts between grapheme clusters, never inside one', () => {
    const pieces = splitGraphemes('👨‍👩‍👧‍👦🇩🇪e\u0301x');
    assert.deepEqual(pieces, ['👨‍👩‍👧‍👦', '🇩🇪', `e\u0301${HYPHEN_POINT}`, 'x']);
    assert.deepEqual(splitGraphemes('ශ්\u200dරී'), ['ශ්\u200dරී']);
    for (const word of ['क्षत्रिय', 'ស្រលាញ់', 'မြန်မာ့', 'மழைக்கால']) {
      const cut = splitGraphemes(word);
      assert.equal(cut.join(''), word);
      assert.ok(!cut.some((p) => VIRAMA_OR_JOINER.test(p)), cut.join('|'));
      assert.ok(!cut.some((p) => /^\p{M}/u.test(p)), cut.join('|'));
    }
  });

  it('hyphenates only between letters of cased scripts', () => {
    assert.deepEqual(splitGraphemes('Ab1'), [`A${HYPHEN_POINT}`, 'b', '1']);
    assert.deepEqual(splitGraphemes('Жук'), [
      `Ж${HYPHEN_POINT}`,
      `у${HYPHEN_POINT}`,
      'к',
    ]);
    assert.ok(!splitGraphemes('ネオンの雨').some((p) => p.includes('\u00ad')));
    assert.ok(!splitGraphemes('รักเธอ').some((p) => p.includes('\u00ad')));
  });

  it('breaks Thai, Khmer and Chinese between dictionary words', () => {
    assert.deepEqual(breakUnits('ความรักของเรา'), ['ความ', 'รัก', 'ของ', 'เรา']);
    assert.deepEqual(breakUnits('夜空中最亮的星'), [
      '夜空',
      '中',
      '最',
      '亮',
      '的',
      '星',
    ]);
    assert.ok(breakUnits('ស្រលាញ់អូនជានិច្ច').length >= 3);
  });

  it('cuts a URL at its separators', () => {
    assert.deepEqual(splitAtSeparators('example.com/path-name '), [
      'example.',
      'com/',
      'path-',
      'name ',
    ]);
  });
});

import { createRequire } from 'node:module';
import { HYPHEN_POINT } from './break-units.js';

type Hyphenate = (text: string) => string;

/**
 * Which of the `hyphen` package's pattern sets (Liang's algorithm, TeX's
 * patterns) serves a word, by its script. A title's language is not
 * known, so Latin words take the US English set, or the German one when
 * they have German letters; English patterns also break most Romance and
 * German compounds at syllables, which beats breaking where the width
 * runs out.
 */
const PATTERN_SETS: { script: RegExp; set: string }[] = [
  { script: /[äöüßÄÖÜẞ]/u, set: 'de' },
  { script: /\p{Script=Latin}/u, set: 'en-us' },
  { script: /\p{Script=Cyrillic}/u, set: 'ru' },
  { script: /\p{Script=Greek}/u, set: 'el-monoton' },
  { script: /\p{Script=Armenian}/u, set: 'hy' },
  { script: /\p{Script=Georgian}/u, set: 'ka' },
];

const require = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenate>();

/** Loaded on first use: most titles never need a word broken. */
function hyphenatorOf(set: string): Hyphenate {
  let hyphenate = loaded.get(set);
  if (!hyphenate) {
    const patterns = require(`hyphen/${set}`) as {
      hyphenateSync: Hyphenate;
    };
    hyphenate = patterns.hyphenateSync;
    loaded.set(set, hyphenate);
  }
  return hyphenate;
}

/**
 * A too-long word cut at its syllables ("Ex­tra­or­di­nary"), each cut
 * marked with a hyphen point, for the cased scripts that hyphenate
 * (Latin, Cyrillic, Greek, Armenian, Georgian). Other words, and words
 * the patterns find no break in, come back whole.
 */
export function splitSyllables(unit: string): string[] {
  const found = PATTERN_SETS.find(({ script }) => script.test(unit));
  if (!found) return [unit];
  const marked = hyphenatorOf(found.set)(unit.replaceAll(HYPHEN_POINT, ''));
  const pieces = marked.split(HYPHEN_POINT);
  return pieces.map((piece, i) =>
    i < pieces.length - 1 ? piece + HYPHEN_POINT : piece,
  );
}

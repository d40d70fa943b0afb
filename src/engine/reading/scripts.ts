/** Writing systems the engine sets with care (and ships faces for). */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'georgian'
  | 'japanese'
  | 'han'
  | 'hangul'
  | 'arabic'
  | 'hebrew'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'tamil'
  | 'telugu'
  | 'kannada'
  | 'malayalam'
  | 'sinhala'
  | 'thai'
  | 'lao'
  | 'khmer'
  | 'myanmar'
  | 'ethiopic'
  | 'emoji';

const PATTERNS: readonly [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
  ['gurmukhi', /\p{Script=Gurmukhi}/u],
  ['gujarati', /\p{Script=Gujarati}/u],
  ['tamil', /\p{Script=Tamil}/u],
  ['telugu', /\p{Script=Telugu}/u],
  ['kannada', /\p{Script=Kannada}/u],
  ['malayalam', /\p{Script=Malayalam}/u],
  ['sinhala', /\p{Script=Sinhala}/u],
  ['thai', /\p{Script=Thai}/u],
  ['lao', /\p{Script=Lao}/u],
  ['khmer', /\p{Script=Khmer}/u],
  ['myanmar', /\p{Script=Myanmar}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  ['emoji', /\p{Extended_Pictographic}/u],
];

/** The scripts present in a text, in a fixed order. */
export function detectScripts(text: string): Script[] {
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(
    ([script]) => script,
  );
}

const RTL_CHAR =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;

/**
 * Direction of a paragraph from its first strong character (as UAX #9):
 * a right-to-left letter, or any other letter; digits and marks are weak.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (RTL_CHAR.test(char)) return 'rtl';
    if (LETTER.test(char)) return 'ltr';
  }
  return 'ltr';
}

const GREEK = /\p{Script=Greek}/u;

/**
 * Upper case that does not depend on the host's locale (a Turkish host
 * would dot every i), and follows Greek convention: all caps drop the
 * tonos and keep the dialytika, so "Μάιος" is "ΜΑΪΟΣ", not "ΜΆΙΟΣ" (the
 * ICU rules behind the "el" locale do exactly this and leave every other
 * script alone).
 */
export function upperCase(text: string): string {
  return text.toLocaleUpperCase(GREEK.test(text) ? 'el' : 'und');
}

/** Scripts whose letters have case, so upper-casing a title is safe. */
export function hasCase(text: string): boolean {
  return upperCase(text) !== text.toLocaleLowerCase('und');
}

/**
 * Scripts whose letters join, stack or take marks above and below: letter
 * spacing would break Arabic joining and Indic head strokes and pull marks
 * off their letters, and it looks wrong in CJK.
 */
const UNTRACKED: readonly Script[] = [
  'japanese',
  'han',
  'hangul',
  'arabic',
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'tamil',
  'telugu',
  'kannada',
  'malayalam',
  'sinhala',
  'thai',
  'lao',
  'khmer',
  'myanmar',
];

/** Whether letter spacing may be added to a text. */
export function allowsTracking(text: string): boolean {
  return !detectScripts(text).some((s) => UNTRACKED.includes(s));
}

/** Writing systems the engine sets with care (and ships faces for). */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'japanese'
  | 'han'
  | 'hangul'
  | 'arabic'
  | 'emoji';

const PATTERNS: readonly [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['emoji', /\p{Extended_Pictographic}/u],
];

/** The scripts present in a text, in a fixed order. */
export function detectScripts(text: string): Script[] {
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(
    ([script]) => script,
  );
}

const RTL_CHAR = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const STRONG_LTR =
  /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Direction of a paragraph from its first strong character (as UAX #9). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (RTL_CHAR.test(char)) return 'rtl';
    if (STRONG_LTR.test(char)) return 'ltr';
  }
  return 'ltr';
}

/** Scripts whose letters have case, so upper-casing a title is safe. */
export function hasCase(text: string): boolean {
  return text.toLocaleUpperCase() !== text.toLocaleLowerCase();
}

/** Tracking (letter spacing) breaks Arabic joining and looks wrong in CJK. */
export function allowsTracking(text: string): boolean {
  const scripts = detectScripts(text);
  return !scripts.some((s) =>
    ['japanese', 'han', 'hangul', 'arabic'].includes(s),
  );
}

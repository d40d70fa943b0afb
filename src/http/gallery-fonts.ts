import { createRequire } from 'node:module';
import { FONT_FILES } from '../engine/fonts/font-catalog.js';

/**
 * The gallery shows titles in every script the covers are made in, on
 * machines that may have no font for them (a server's headless browser,
 * a fresh Linux desktop). It lends the browser the engine's own fallback
 * faces as one family, "Sleeve Scripts", each face claiming only its
 * script's code points: a browser downloads a face only when the page has
 * a character in its range, so a Latin-only library fetches none.
 */
const SCRIPT_RANGES: readonly { pkg: string; ranges: string }[] = [
  { pkg: 'noto-sans-jp', ranges: 'U+3000-30FF, U+31F0-31FF, U+FF00-FFEF' },
  {
    pkg: 'noto-sans-kr',
    ranges: 'U+1100-11FF, U+3130-318F, U+A960-A97F, U+AC00-D7FF',
  },
  // Han after kana and Hangul: Chinese forms unless the text says otherwise.
  { pkg: 'noto-sans-sc', ranges: 'U+2E80-2FDF, U+3400-4DBF, U+4E00-9FFF' },
  {
    pkg: 'noto-naskh-arabic',
    ranges: 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF',
  },
  { pkg: 'noto-sans-hebrew', ranges: 'U+0590-05FF, U+FB1D-FB4F' },
  { pkg: 'noto-sans-armenian', ranges: 'U+0530-058F, U+FB13-FB17' },
  {
    pkg: 'noto-sans-georgian',
    ranges: 'U+10A0-10FF, U+1C90-1CBF, U+2D00-2D2F',
  },
  { pkg: 'noto-sans-devanagari', ranges: 'U+0900-097F, U+A8E0-A8FF' },
  { pkg: 'noto-sans-bengali', ranges: 'U+0980-09FF' },
  { pkg: 'noto-sans-gurmukhi', ranges: 'U+0A00-0A7F' },
  { pkg: 'noto-sans-gujarati', ranges: 'U+0A80-0AFF' },
  { pkg: 'noto-sans-tamil', ranges: 'U+0B80-0BFF' },
  { pkg: 'noto-sans-telugu', ranges: 'U+0C00-0C7F' },
  { pkg: 'noto-sans-kannada', ranges: 'U+0C80-0CFF' },
  { pkg: 'noto-sans-malayalam', ranges: 'U+0D00-0D7F' },
  { pkg: 'noto-sans-sinhala', ranges: 'U+0D80-0DFF' },
  { pkg: 'noto-sans-thai', ranges: 'U+0E00-0E7F' },
  { pkg: 'noto-sans-lao', ranges: 'U+0E80-0EFF' },
  { pkg: 'noto-sans-myanmar', ranges: 'U+1000-109F, U+A9E0-A9FF, U+AA60-AA7F' },
  {
    pkg: 'noto-sans-ethiopic',
    ranges: 'U+1200-139F, U+2D80-2DDF, U+AB00-AB2F',
  },
  { pkg: 'noto-sans-khmer', ranges: 'U+1780-17FF, U+19E0-19FF' },
];

/**
 * Emoji get their own family, named last in the page's font lists, after
 * the systems' colour emoji faces: a machine that has one keeps it.
 */
const EMOJI = {
  pkg: 'noto-emoji',
  ranges:
    'U+200D, U+20E3, U+2300-23FF, U+2600-27BF, U+2B00-2BFF, U+FE0F, ' +
    'U+1F000-1FAFF',
};

const WEIGHTS = [400, 700] as const;

/**
 * The fonts the gallery serves: the UI's own faces (cuts the engine does
 * not register), and every upright cut the engine ships, as
 * `<package>-<weight>.ttf`.
 */
const SERVED = new Map([
  ['inter-400.ttf', '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'],
  [
    'inter-600.ttf',
    '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  ],
  [
    'grotesk-700.ttf',
    '@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf',
  ],
  ...FONT_FILES.filter((file) => !file.italic).map(
    (file) =>
      [
        `${file.path.split('/')[0]}-${file.weight}.ttf`,
        `@expo-google-fonts/${file.path}`,
      ] as const,
  ),
]);

const require = createRequire(import.meta.url);

/** The file behind a gallery font name, or undefined. */
export function galleryFontFile(name: string): string | undefined {
  const module = SERVED.get(name);
  return module === undefined ? undefined : require.resolve(module);
}

function faceRules(
  family: string,
  { pkg, ranges }: { pkg: string; ranges: string },
): string[] {
  return WEIGHTS.filter((weight) => SERVED.has(`${pkg}-${weight}.ttf`)).map(
    (weight) =>
      `@font-face {\n  font-family: '${family}';\n` +
      `  src: url('/gallery/fonts/${pkg}-${weight}.ttf') format('truetype');\n` +
      `  font-weight: ${weight};\n  font-display: swap;\n` +
      `  unicode-range: ${ranges};\n}\n`,
  );
}

/** The stylesheet of "Sleeve Scripts" and "Sleeve Emoji". */
export const SCRIPT_FONTS_CSS = [
  ...SCRIPT_RANGES.flatMap((script) => faceRules('Sleeve Scripts', script)),
  ...faceRules('Sleeve Emoji', EMOJI),
].join('');

import type { Script } from '../reading/scripts.js';

/**
 * The faces Sleeve ships, all from @expo-google-fonts packages (TTF files
 * under open licences). Only the weights listed here are registered, which
 * keeps the memory each render worker holds small. Families are registered
 * under a "Sleeve " alias so a font installed on the host can never stand in
 * for ours and change the output.
 */
export interface FontFile {
  /** The family as the engine names it, e.g. "Sleeve Inter". */
  family: string;
  /** The alias canvas font strings use for this one cut. */
  face: string;
  weight: number;
  italic: boolean;
  /** Path inside node_modules/@expo-google-fonts. */
  path: string;
  /** Registered when a text first needs it, not at start. */
  lazy: boolean;
}

interface FamilySource {
  family: string;
  pkg: string;
  /** File name prefix inside the package, e.g. "SpaceGrotesk". */
  base: string;
  /** Weight folders, e.g. "700Bold" or "400Regular_Italic". */
  cuts: readonly string[];
}

const SOURCES: readonly FamilySource[] = [
  src('Sleeve Inter', 'inter', 'Inter', [
    '300Light',
    '500Medium',
    '800ExtraBold',
  ]),
  src('Sleeve Grotesk', 'space-grotesk', 'SpaceGrotesk', [
    '500Medium',
    '700Bold',
  ]),
  src('Sleeve Anton', 'anton', 'Anton', ['400Regular']),
  src('Sleeve Playfair', 'playfair-display', 'PlayfairDisplay', [
    '400Regular_Italic',
    '700Bold',
    '900Black',
  ]),
  src('Sleeve Cormorant', 'cormorant-garamond', 'CormorantGaramond', [
    '500Medium',
    '500Medium_Italic',
    '700Bold',
  ]),
  src('Sleeve Caveat', 'caveat', 'Caveat', ['700Bold']),
  src('Sleeve Fredoka', 'fredoka', 'Fredoka', ['600SemiBold']),
  src('Sleeve Mono', 'space-mono', 'SpaceMono', ['400Regular', '700Bold']),
  src('Sleeve Unbounded', 'unbounded', 'Unbounded', [
    '400Regular',
    '800ExtraBold',
  ]),
  src('Sleeve Rye', 'rye', 'Rye', ['400Regular']),
  src('Sleeve DM Serif', 'dm-serif-display', 'DMSerifDisplay', [
    '400Regular',
    '400Regular_Italic',
  ]),
  src('Sleeve Marker', 'permanent-marker', 'PermanentMarker', ['400Regular']),
  src('Sleeve Noto', 'noto-sans', 'NotoSans', [
    '400Regular',
    '700Bold',
    '900Black',
  ]),
];

/**
 * Faces for the scripts the display faces lack. Each is registered the
 * first time a text needs it (see register-fonts.ts), so a worker that
 * only ever sets Latin titles never maps the 10 MB Chinese face.
 */
const CJK_CUTS = ['400Regular', '700Bold', '900Black'] as const;
const SCRIPT_CUTS = ['400Regular', '700Bold'] as const;

const FALLBACK_SOURCES: readonly FamilySource[] = [
  src('Sleeve Noto JP', 'noto-sans-jp', 'NotoSansJP', CJK_CUTS),
  src('Sleeve Noto KR', 'noto-sans-kr', 'NotoSansKR', CJK_CUTS),
  src('Sleeve Noto SC', 'noto-sans-sc', 'NotoSansSC', CJK_CUTS),
  src('Sleeve Naskh', 'noto-naskh-arabic', 'NotoNaskhArabic', SCRIPT_CUTS),
  script('Hebrew'),
  script('Armenian'),
  script('Georgian'),
  script('Devanagari'),
  script('Bengali'),
  script('Gurmukhi'),
  script('Gujarati'),
  script('Tamil'),
  script('Telugu'),
  script('Kannada'),
  script('Malayalam'),
  script('Sinhala'),
  script('Thai'),
  script('Lao'),
  script('Khmer'),
  script('Myanmar'),
  script('Ethiopic'),
  src('Sleeve Emoji', 'noto-emoji', 'NotoEmoji', SCRIPT_CUTS),
  src('Sleeve Symbols', 'noto-sans-symbols', 'NotoSansSymbols', SCRIPT_CUTS),
  src('Sleeve Symbols 2', 'noto-sans-symbols-2', 'NotoSansSymbols2', [
    '400Regular',
  ]),
];

function src(
  family: string,
  pkg: string,
  base: string,
  cuts: readonly string[],
): FamilySource {
  return { family, pkg, base, cuts };
}

/** A Noto Sans script face, e.g. "Sleeve Noto Thai" from noto-sans-thai. */
function script(name: string): FamilySource {
  const pkg = `noto-sans-${name.toLowerCase()}`;
  return src(`Sleeve Noto ${name}`, pkg, `NotoSans${name}`, SCRIPT_CUTS);
}

function toFile(source: FamilySource, cut: string, lazy: boolean): FontFile {
  return {
    family: source.family,
    face: faceName(
      source.family,
      Number.parseInt(cut, 10),
      cut.endsWith('_Italic'),
    ),
    weight: Number.parseInt(cut, 10),
    italic: cut.endsWith('_Italic'),
    path: `${source.pkg}/${cut}/${source.base}_${cut}.ttf`,
    lazy,
  };
}

/**
 * Skia keeps one face per alias, so each weight gets its own alias
 * ("Sleeve Inter 800") and font strings name the cut they want directly.
 */
export function faceName(
  family: string,
  weight: number,
  italic = false,
): string {
  return `${family} ${weight}${italic ? ' Italic' : ''}`;
}

const filesOf = (sources: readonly FamilySource[], lazy: boolean) =>
  sources.flatMap((source) =>
    source.cuts.map((cut) => toFile(source, cut, lazy)),
  );

export const FONT_FILES: readonly FontFile[] = [
  ...filesOf(SOURCES, false),
  ...filesOf(FALLBACK_SOURCES, true),
];

/** The Latin, Cyrillic and Greek fallback, always in a stack. */
export const LATIN_FALLBACK = 'Sleeve Noto';

/**
 * The fallback faces for each script (Han in the order that suits the
 * script: Chinese forms unless kana or Hangul say Japanese or Korean).
 */
export const SCRIPT_FALLBACKS: Readonly<
  Partial<Record<Script, readonly string[]>>
> = {
  japanese: ['Sleeve Noto JP', 'Sleeve Noto SC'],
  hangul: ['Sleeve Noto KR', 'Sleeve Noto JP', 'Sleeve Noto SC'],
  han: ['Sleeve Noto SC', 'Sleeve Noto JP'],
  arabic: ['Sleeve Naskh'],
  hebrew: ['Sleeve Noto Hebrew'],
  armenian: ['Sleeve Noto Armenian'],
  georgian: ['Sleeve Noto Georgian'],
  devanagari: ['Sleeve Noto Devanagari'],
  bengali: ['Sleeve Noto Bengali'],
  gurmukhi: ['Sleeve Noto Gurmukhi'],
  gujarati: ['Sleeve Noto Gujarati'],
  tamil: ['Sleeve Noto Tamil'],
  telugu: ['Sleeve Noto Telugu'],
  kannada: ['Sleeve Noto Kannada'],
  malayalam: ['Sleeve Noto Malayalam'],
  sinhala: ['Sleeve Noto Sinhala'],
  thai: ['Sleeve Noto Thai'],
  lao: ['Sleeve Noto Lao'],
  khmer: ['Sleeve Noto Khmer'],
  myanmar: ['Sleeve Noto Myanmar'],
  ethiopic: ['Sleeve Noto Ethiopic'],
  emoji: ['Sleeve Emoji'],
};

/** Faces for marks and signs any title may hold (arrows, stars, notes). */
export const SYMBOL_FALLBACKS: readonly string[] = [
  'Sleeve Emoji',
  'Sleeve Symbols',
  'Sleeve Symbols 2',
];

/** Every fallback family, in the order tried for a stray character. */
export const FALLBACK_FAMILIES: readonly string[] = FALLBACK_SOURCES.map(
  (source) => source.family,
);

/** The families a style can ask for by name. */
export const DISPLAY_FAMILIES: readonly string[] = SOURCES.map(
  (source) => source.family,
);

/** The weights each family ships, for picking the nearest cut. */
export function weightsOf(family: string, italic = false): number[] {
  return FONT_FILES.filter(
    (file) => file.family === family && file.italic === italic,
  ).map((file) => file.weight);
}

export function fileOfFace(face: string): FontFile | undefined {
  return FONT_FILES.find((file) => file.face === face);
}

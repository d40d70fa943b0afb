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
  src('Sleeve Noto JP', 'noto-sans-jp', 'NotoSansJP', [
    '400Regular',
    '700Bold',
    '900Black',
  ]),
  src('Sleeve Noto KR', 'noto-sans-kr', 'NotoSansKR', [
    '400Regular',
    '700Bold',
    '900Black',
  ]),
  src('Sleeve Naskh', 'noto-naskh-arabic', 'NotoNaskhArabic', [
    '400Regular',
    '700Bold',
  ]),
  src('Sleeve Emoji', 'noto-emoji', 'NotoEmoji', ['400Regular', '700Bold']),
];

function src(
  family: string,
  pkg: string,
  base: string,
  cuts: readonly string[],
): FamilySource {
  return { family, pkg, base, cuts };
}

function toFile(source: FamilySource, cut: string): FontFile {
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

export const FONT_FILES: readonly FontFile[] = SOURCES.flatMap((source) =>
  source.cuts.map((cut) => toFile(source, cut)),
);

/** Fallback families for scripts the display faces lack. */
export const FALLBACK_FAMILIES = {
  latin: 'Sleeve Noto',
  japanese: 'Sleeve Noto JP',
  korean: 'Sleeve Noto KR',
  arabic: 'Sleeve Naskh',
  emoji: 'Sleeve Emoji',
} as const;

/** The weights each family ships, for picking the nearest cut. */
export function weightsOf(family: string, italic = false): number[] {
  return FONT_FILES.filter(
    (file) => file.family === family && file.italic === italic,
  ).map((file) => file.weight);
}

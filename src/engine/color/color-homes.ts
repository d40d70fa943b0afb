import type { Genre } from '../reading/genres.js';
import type { Motif } from '../reading/motifs.js';

/**
 * Where a genre's colours live. The temperature (mode, warm and cold
 * words) still picks the family and the key the hue within it; the genre
 * says where in the family its middle lies and what its dark grounds are
 * made of, so a battle track and a dawn-lit ambient piece in one key do
 * not share a colour.
 */
export interface ColorHome {
  /** The middle of the warm family, OKLCH hue: crimson (15) to amber (70). */
  warm: number;
  /** The middle of the cold family: teal (185) to violet (295). */
  cold: number;
  /** Pale grounds lean towards these hues, warm and cold. */
  pale: readonly [number, number];
  /**
   * The hue of a dark ground under warm and under cold colours; null keeps
   * the default (warm grounds plum to rust by key, cold ones the hue's own).
   */
  night: readonly [number | null, number | null];
  /** A dark ground's chroma as a share of the palette's (steel is low). */
  nightChroma: number;
  /** A hue the first partner takes whatever the key (a lantern's amber). */
  accent?: number;
}

const PLAIN: ColorHome = {
  warm: 45,
  cold: 235,
  pale: [68, 222],
  night: [null, null],
  nightChroma: 0.75,
};

/**
 * Each genre's colours as its covers usually wear them: industrial hot
 * metal on gunmetal, metal on blue steel, ambient dawn and dusk under a
 * violet sky, outlaw country black, folk a pine night, synthwave a
 * purple one, pop pink and lilac, children's songs butter yellow.
 */
export const GENRE_COLORS: Readonly<Record<Genre, ColorHome>> = {
  ambient: {
    ...PLAIN,
    warm: 60,
    cold: 250,
    night: [292, null],
    nightChroma: 0.9,
  },
  electronic: { ...PLAIN, warm: 22, cold: 210, pale: [20, 205] },
  industrial: {
    ...PLAIN,
    warm: 44,
    cold: 200,
    night: [250, 250],
    nightChroma: 0.12,
  },
  metal: { ...PLAIN, warm: 24, cold: 262, night: [262, 262], nightChroma: 0.3 },
  bass: {
    ...PLAIN,
    warm: 8,
    cold: 292,
    pale: [0, 300],
    night: [295, 295],
    nightChroma: 0.3,
  },
  lofi: { ...PLAIN, warm: 52, cold: 245, night: [258, null], nightChroma: 0.6 },
  jazz: { ...PLAIN, warm: 48, cold: 228 },
  latin: {
    ...PLAIN,
    warm: 30,
    cold: 188,
    pale: [40, 195],
    night: [340, null],
    nightChroma: 0.9,
  },
  folk: {
    ...PLAIN,
    warm: 66,
    cold: 178,
    pale: [80, 190],
    night: [160, null],
    nightChroma: 1.1,
  },
  country: {
    ...PLAIN,
    warm: 38,
    cold: 232,
    pale: [45, 230],
    night: [350, null],
    nightChroma: 0.2,
  },
  pop: { ...PLAIN, warm: 358, cold: 292, pale: [5, 300] },
  punk: { ...PLAIN, warm: 28, cold: 215, pale: [40, 210] },
  classical: {
    ...PLAIN,
    warm: 66,
    cold: 222,
    pale: [80, 215],
    night: [240, null],
    nightChroma: 0.55,
  },
  soul: { ...PLAIN, warm: 40, cold: 205 },
  world: { ...PLAIN, warm: 58, cold: 185, pale: [78, 190] },
  kids: { ...PLAIN, warm: 72, cold: 200, pale: [95, 205] },
  synthwave: {
    ...PLAIN,
    warm: 355,
    cold: 290,
    pale: [350, 295],
    night: [295, 295],
    nightChroma: 0.85,
  },
  unknown: PLAIN,
};

/**
 * Words that name a colour of their own. A forest is green, the sea blue
 * and moonlight a blue-violet whatever the key: those move the family's
 * middle (`hue`). A sunrise keeps the family but lights it gold under an
 * indigo sky; lanterns, candles and glows put a warm light in any night.
 */
export const MOTIF_COLORS: Partial<
  Record<Motif, Partial<ColorHome> & { hue?: number }>
> = {
  forest: { hue: 148 },
  water: { hue: 212 },
  moon: { hue: 252, night: [250, 250], nightChroma: 0.8 },
  space: { night: [null, 300], nightChroma: 0.9 },
  sun: { warm: 62, night: [268, null], nightChroma: 0.9 },
  light: { accent: 58 },
};

/** The genre's colours with the leading motif's laid over them. */
export function colorHome(
  genre: Genre,
  motif: Motif | null,
): ColorHome & { hue?: number } {
  const own = motif ? MOTIF_COLORS[motif] : undefined;
  return { ...GENRE_COLORS[genre], ...own };
}

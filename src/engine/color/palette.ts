import type { Random } from '../random.js';
import type { Mood } from '../reading/read-mood.js';
import { fifthsIndex, type TrackFeatures } from '../reading/track-features.js';
import type { Genre } from '../reading/genres.js';
import type { Motif } from '../reading/motifs.js';
import { clamp } from '../reading/resample.js';
import { fromHex, oklchHex, rgbToOklch } from './color.js';
import { colorHome, type ColorHome } from './color-homes.js';

/**
 * A cover's colour scheme. Styles take their ground and text colours from
 * here and make every other colour with `tone`, so the same four drivers
 * reach every style: mode (and warm or cold words) set the temperature,
 * the key the hue within it, brightness the value, energy the chroma and
 * the contrast.
 */
export interface Palette {
  temperature: 'warm' | 'cool';
  /** The base hue in OKLCH degrees. */
  hue: number;
  /** The middle of the hue's family, which neighbours lean towards. */
  home: number;
  /**
   * The hue of grounds: the base hue nudged per track, same family, and
   * on a dark ground turned to hues that stay rich when deep.
   */
  groundHue: number;
  /** The hue the ground is actually painted in (pale grounds lean too). */
  fieldHue: number;
  /** Lightness of the ground, 0–1 (OKLCH L). */
  value: number;
  /** True when the ground is dark and shapes and type are lighter. */
  darkGround: boolean;
  /** Chroma of the main colours. */
  chroma: number;
  /** 0–1: how far shapes stand from the ground in lightness. */
  contrast: number;
  /** Hue offsets of the second and third colours (`harmonyOffsets`). */
  harmony: [number, number];
  /**
   * The lightest a shape may be on a dark ground: dark words keep the
   * light low, so a gloomy cover has no bright pastel in it.
   */
  lightest: number;
  ground: string;
  /**
   * The ground's chroma. Styles that lay a field of their own in the
   * ground's hue keep near it, so a steel or ink-black ground stays grey.
   */
  groundChroma: number;
  /**
   * The ground as paper, for styles that print on it: on a light ground a
   * cream (warm) or a cool grey-white, barely tinted by the key; on a dark
   * one, the ground itself.
   */
  paper: string;
  /** Text and line colour at the far end of the value scale. */
  ink: string;
}

/**
 * Two families of hue: warm ones round orange (crimson to amber) and cold
 * ones round blue (teal to violet). The sign of the temperature tilt picks
 * the family, the genre where its middle lies (`color-homes.ts`), and the
 * key's place on the circle of fifths the hue within it, up to
 * `KEY_SPREAD` degrees either side of the middle; a strong tilt (cold
 * words on a minor key) draws the hue towards the middle.
 */
const KEY_SPREAD = 46;
/** The warmest hue: the wine ramp of deep grounds is measured from it. */
const ORANGE = 45;
/**
 * Dim warm colours on dark grounds: the hues from `from` (a crimson-rose)
 * round to yellow (`span` degrees on) are squeezed into the first `into`
 * degrees, rose to red, instead of darkening to brown and olive.
 */
const DUSK = { from: 330, span: 145, into: 55 };
/**
 * A motif with a hue of its own sets the middle; the temperature then
 * turns the hue towards orange or away from it by up to `HOME_TILT`
 * degrees, and the key moves it a little.
 */
const HOME_TILT = 20;
/** Small partners of the base hue for grounds; never across the wheel. */
const GROUND_OFFSETS = [0, -24, 24, 40, -40];
/**
 * A genre's own dark ground moves only a little with the track (and by
 * a quarter of the key's shift, so the key still turns every colour).
 */
const NIGHT_OFFSETS = [0, -10, 10, -18, 18];

/** What a palette is built from: the reading of a track. */
export interface PaletteSource {
  features: TrackFeatures;
  mood: Mood;
  genre: Genre;
  /** The pictures the words suggest, strongest first. */
  motifs: readonly Motif[];
}

/** Builds the palette of a track (a variation walks the key's hue). */
export function buildPalette(
  source: PaletteSource,
  rng: Random,
  variation = 0,
): Palette {
  const { features, mood } = source;
  const home = colorHome(source.genre, source.motifs[0] ?? null);
  const tilt = clamp(temperatureTilt(features, mood), -1, 1);
  const warm = tilt >= 0;
  const step = (fifthsIndex(features.key) + variation * 5) % 12;
  const keyShift = (step / 11 - 0.5) * 2 * KEY_SPREAD;
  const hue = chooseHue(home, tilt, keyShift, rng);
  const chroma = paletteChroma(features, mood);
  const contrast = 0.18 + 0.82 * features.energy;
  const value = punch(groundValue(features, mood), contrast);
  const dark = value < 0.5;
  const night = dark ? home.night[warm ? 0 : 1] : null;
  const ground = chooseGround(
    { home, warm, hue, keyShift, value, chroma },
    rng,
  );

  return {
    temperature: warm ? 'warm' : 'cool',
    hue,
    home: home.hue ?? (warm ? home.warm : home.cold),
    ...ground,
    value,
    darkGround: dark,
    chroma,
    contrast,
    harmony: withAccent(
      nightHarmony(night, home, warm, hue, ground.groundHue, contrast) ??
        chooseHarmony(contrast, mood),
      hue,
      home.accent,
    ),
    lightest: 0.77 - 0.16 * gloom(mood),
    paper: dark
      ? ground.ground
      : paperOf(value, chroma, ground.groundHue, warm),
    ink: dark
      ? oklchHex(0.96, 0.02, hue)
      : oklchHex(0.17, Math.min(0.05, chroma * 0.4), hue),
  };
}

/**
 * The base hue: the family's middle (the genre's, or a motif's own hue)
 * moved by the key, less so the stronger the tilt, and nudged per track.
 */
function chooseHue(
  home: ColorHome & { hue?: number },
  tilt: number,
  keyShift: number,
  rng: Random,
): number {
  const middle = home.hue ?? (tilt >= 0 ? home.warm : home.cold);
  const centre =
    home.hue === undefined
      ? middle + keyShift * (1 - 0.45 * Math.abs(tilt))
      : middle + towardsOrange(middle) * tilt * HOME_TILT + keyShift * 0.35;
  return norm(centre + rng.range(-10, 10));
}

interface GroundChoice {
  home: ColorHome & { hue?: number };
  warm: boolean;
  hue: number;
  keyShift: number;
  value: number;
  chroma: number;
}

type Ground = Pick<
  Palette,
  'groundHue' | 'fieldHue' | 'ground' | 'groundChroma'
>;

/**
 * The ground: on a dark cover the genre's own night if it has one (moved
 * a little by the key and the track), otherwise a partner of the base hue
 * kept rich when deep; on a light one the same hue leaning to the genre's
 * pale hue.
 */
function chooseGround(choice: GroundChoice, rng: Random): Ground {
  const { home, warm, hue, value, chroma } = choice;
  const dark = value < 0.5;
  const ownHue = home.hue !== undefined;
  const night = dark ? home.night[warm ? 0 : 1] : null;
  const offset = rng.pick(GROUND_OFFSETS);
  const groundHue =
    night !== null
      ? norm(night + choice.keyShift * 0.25 + rng.pick(NIGHT_OFFSETS))
      : groundHueFor(
          norm(hue + offset),
          dark,
          ownHue ? 'own' : warm ? 'warm' : 'cold',
        );
  const fieldHue =
    dark || ownHue
      ? groundHue
      : lightGroundHue(groundHue, home.pale[warm ? 0 : 1]);
  // Some dark tracks of genres without a night of their own get an
  // ink-black ground instead of a coloured one, chosen by the track, so
  // dark tracks in one family do not all share one deep colour; the
  // shapes keep the palette's colour either way.
  const inky = dark && night === null && rng.chance(0.35);
  const groundChroma =
    chroma * (inky ? 0.22 : dark ? groundShare(home, night) : 0.5);
  const l = inky ? value * 0.85 : value;
  return {
    groundHue,
    fieldHue,
    groundChroma,
    ground: oklchHex(l, groundChroma, fieldHue),
  };
}

/** A dark ground's chroma share: a genre's own night says how rich. */
function groundShare(home: ColorHome, night: number | null): number {
  return night === null ? 0.75 : home.nightChroma;
}

/**
 * Deep warm grounds run from plum through oxblood to rust instead of
 * crimson to amber, in the same order: a deep amber is brown, a deep
 * aubergine or wine stays rich, and tracks in different keys keep
 * different grounds. Deep cold grounds keep between teal and violet,
 * where a ground still reads cold (a nudge past teal is a green).
 */
function groundHueFor(hue: number, dark: boolean, family: Family): number {
  if (!dark || family === 'own') return hue;
  if (family === 'cold') return clamp(hue, 190, 290);
  const fromMiddle = ((hue - ORANGE + 540) % 360) - 180;
  const along = clamp((fromMiddle + 75) / 150, 0, 1);
  return norm(315 + along * 85);
}

/** Whose hues a ground keeps to: the warm or cold family, or a motif's. */
type Family = 'warm' | 'cold' | 'own';

/**
 * Pale grounds lean to the genre's pale hue: by default warm ones to
 * apricot rather than pink, cold ones to sky blue, as paper and sky do.
 */
function lightGroundHue(hue: number, target: number): number {
  const turn = ((target - hue + 540) % 360) - 180;
  return hue + turn * 0.6;
}

/** +1 or −1: the way round the wheel from `hue` to orange. */
function towardsOrange(hue: number): number {
  return ((ORANGE - hue + 540) % 360) - 180 >= 0 ? 1 : -1;
}

/** The palette's paper at another value (paper-like grounds of styles). */
export function paperAt(palette: Palette, value: number): string {
  const warm = palette.temperature === 'warm';
  return paperOf(value, palette.chroma, palette.groundHue, warm);
}

/** Cream for warm tracks, a cool white for cold ones, tinted by the key. */
function paperOf(
  value: number,
  chroma: number,
  hue: number,
  warm: boolean,
): string {
  const base = warm ? 78 : 232;
  const offset = ((hue - base + 540) % 360) - 180;
  return oklchHex(
    value,
    Math.min(0.042, 0.014 + chroma * 0.14),
    base + offset * 0.6,
  );
}

/**
 * A colour `depth` (0–1) of the way from the ground towards the far end of
 * the value scale, as far as the contrast reaches: calm tracks keep their
 * shapes near the ground's value, loud ones push them to the extremes.
 * `chromaScale` multiplies the palette's chroma (never under a floor, so
 * shapes stay colours and not greys).
 */
export function tone(
  palette: Palette,
  depth: number,
  hueOffset = 0,
  chromaScale = 1,
): string {
  // Shapes keep to the middle values, where sRGB has room for colour;
  // the ground and the ink hold the extremes.
  const hue = palette.hue + hueOffset;
  const room = palette.darkGround
    ? palette.lightest - palette.value
    : palette.value - deepestOnLight(hue);
  const reach = Math.max(0, room) * (0.2 + 0.8 * palette.contrast) * depth;
  const l = clamp(
    palette.value + (palette.darkGround ? reach : -reach),
    0.1,
    0.97,
  );
  const c = Math.max(0.04, palette.chroma * chromaScale);
  const shade = palette.darkGround ? dimWarmHue(hue, l, c) : hue;
  if (shade === hue) return oklchHex(l, c, hue);
  // Turned, a colour keeps the chroma its own hue had room for, so a dim
  // shape is no more vivid for turning.
  return oklchHex(l, Math.min(c, chromaRoom(l, c, hue)), shade);
}

/** The chroma left of `c` once the colour is brought into sRGB. */
function chromaRoom(l: number, c: number, hue: number): number {
  return rgbToOklch(fromHex(oklchHex(l, c, hue))).c;
}

/**
 * A gold, amber or orange only a little lighter than a dark ground is
 * brown. Such dim warm shapes turn rose and crimson instead, the more the
 * dimmer, as the light does at dusk; the bright ones keep their gold. The
 * hues from crimson to yellow are squeezed in order, so two keys still
 * differ.
 */
function dimWarmHue(hue: number, l: number, c: number): number {
  // Greyer oranges read as brown (tan, khaki) at lighter values still,
  // and half-turned they are rust, which is brown too: they turn sooner.
  const grey = clamp(1 - c / 0.16, 0, 1);
  const brown = 0.52 + 0.08 * grey;
  const dim = clamp((brown - l) / (0.14 - 0.09 * grey), 0, 1);
  const along = norm(hue - DUSK.from);
  if (dim === 0 || along > DUSK.span) return hue;
  const squeezed = DUSK.from + along * (DUSK.into / DUSK.span);
  return DUSK.from + along + (squeezed - DUSK.from - along) * dim;
}

/**
 * How deep a shape on light paper may go: reds, blues and violets stay
 * themselves down to 0.42, but oranges turn brown and yellows olive long
 * before, so they stop higher (0.6 at amber).
 */
function deepestOnLight(hue: number): number {
  const fromAmber = Math.abs(((hue - 75 + 540) % 360) - 180);
  return 0.42 + 0.18 * clamp(1 - fromAmber / 40, 0, 1);
}

/**
 * A neighbouring hue up to `degrees` away, on the side of its temperature
 * family's middle, so a neighbour keeps the cover's temperature: a warm
 * orange's neighbour is a red (not a yellow that would turn olive), a
 * cold violet's a blue. Near the middle the lean fades, so the neighbour
 * moves smoothly with the key.
 */
export function lean(palette: Palette, degrees: number): number {
  const towards = ((palette.home - palette.hue + 540) % 360) - 180;
  return degrees * clamp(towards / 40, -1, 1);
}

/** Hue offsets of the second and third colours (see `partnerOffset`). */
export function harmonyOffsets(palette: Palette): [number, number] {
  return [partnerOffset(palette, 0), partnerOffset(palette, 1)];
}

/**
 * Calm tracks get neighbouring hues and loud ones opposites. A sad track
 * pairs its hue with a faded one from across the wheel (rust with denim,
 * slate with rose) and one neighbour, however loud: a sad neighbour
 * half-way round a warm hue is khaki, and bright complements are the
 * colours of a party, but its chroma is low, so the far one stays dusty.
 */
function chooseHarmony(contrast: number, mood: Mood): [number, number] {
  if (sadness(mood) > 0.25) return [150, -45];
  if (contrast > 0.72) return [165, -140];
  if (contrast > 0.45) return [105, -95];
  return [38, -42];
}

/** The first partner moved to the motif's accent hue, if it has one. */
function withAccent(
  harmony: [number, number],
  hue: number,
  accent: number | undefined,
): [number, number] {
  if (accent === undefined) return harmony;
  return [((accent - hue + 540) % 360) - 180, harmony[1]];
}

/**
 * Partners for a dark ground of the genre's own. On steel or black (near
 * grey) a warm hue meets its opposite, hot metal against cold blue, and
 * a cold one keeps to cold neighbours. Under a coloured
 * night (a violet dawn sky, a teal night) the partners lie between the
 * hue and the ground's, the way a sunrise runs gold, red, rose to violet,
 * so every colour sits in the same light, going round the side that
 * misses olive; louder tracks reach further towards the ground's hue.
 * Null when the ground is not the genre's own.
 */
function nightHarmony(
  night: number | null,
  home: ColorHome,
  warm: boolean,
  hue: number,
  groundHue: number,
  contrast: number,
): [number, number] | null {
  if (night === null) return null;
  if (home.nightChroma < 0.5) return warm ? [180, -150] : [40, -40];
  let towards = ((groundHue - hue + 540) % 360) - 180;
  const reach = 0.3 + 0.3 * contrast;
  const passes = (share: number): number => norm(hue + towards * share);
  if ([0.25, 0.5, 0.75].some((k) => isOlive(passes(k))))
    towards -= Math.sign(towards) * 360;
  return [towards * reach, towards * (reach + 0.3)];
}

/** Yellow-greens to greens, which go olive at any depth below pale. */
const OLIVE = { from: 85, to: 150 };
const isOlive = (hue: number): boolean => hue > OLIVE.from && hue < OLIVE.to;
/** The wheel without the olive arc. */
const SHORT_WHEEL = 360 - (OLIVE.to - OLIVE.from);

/**
 * The hue `offset` degrees round from `hue` on a wheel without the olive
 * arc (offsets shrink in proportion), so partners never sit in mud and
 * move steadily with the key instead of jumping from orange to green
 * where `avoidMud` would catch them.
 */
function walkHue(hue: number, offset: number): number {
  // A neighbour stops at the arc's edge rather than leaping to its far
  // side: a step of a few degrees from amber is not a green.
  if (Math.abs(offset) < 90 && stepsOverOlive(hue, offset))
    return offset > 0 ? OLIVE.from : OLIVE.to;
  const to = wrapShort(shortPlace(hue) + (offset * SHORT_WHEEL) / 360);
  return to <= OLIVE.from ? to : to + (OLIVE.to - OLIVE.from);
}

/** Where a hue lies on the wheel without olive (the arc is one point). */
function shortPlace(hue: number): number {
  const h = norm(hue);
  return h <= OLIVE.from ? h : h < OLIVE.to ? OLIVE.from : h - 65;
}

const wrapShort = (x: number): number =>
  ((x % SHORT_WHEEL) + SHORT_WHEEL) % SHORT_WHEEL;

/** Whether walking `offset` from `hue` steps over the olive arc. */
function stepsOverOlive(hue: number, offset: number): boolean {
  const step = (offset * SHORT_WHEEL) / 360;
  const ahead = wrapShort((OLIVE.from - shortPlace(hue)) * Math.sign(step));
  return ahead > 0 && ahead < Math.abs(step);
}

/**
 * The hue offset `share` of the way to the first (0) or second (1)
 * partner, on the wheel without olive: a glow half-way to a complement
 * is no khaki. A partner near the far side is as near one way round as
 * the other, so the way to it goes round the side that does not step
 * over olive. A hue in the olive arc itself (a forest's green, a
 * butter yellow) keeps plain offsets, except that a yellow's part-way
 * partners turn towards orange.
 */
export function partnerOffset(
  palette: Palette,
  which: 0 | 1,
  share = 1,
): number {
  const full = palette.harmony[which];
  if (isOlive(norm(palette.hue))) {
    // A yellow's part-way partners turn towards orange, not to green.
    const yellow = norm(palette.hue) < (OLIVE.from + OLIVE.to) / 2;
    return yellow && share < 1 ? -Math.abs(full * share) : full * share;
  }
  const round = full - Math.sign(full) * 360;
  const farSide = Math.abs(full) >= 140;
  const turnBack =
    farSide &&
    stepsOverOlive(palette.hue, full) &&
    !stepsOverOlive(palette.hue, round);
  const offset = (turnBack ? round : full) * share;
  const turn = walkHue(palette.hue, offset) - palette.hue;
  return ((turn + 540) % 360) - 180;
}

/**
 * Mode leads, as far as the key is known; warm or cold words and a happy
 * or sad mood lean on it.
 */
function temperatureTilt(features: TrackFeatures, mood: Mood): number {
  const sign = features.mode === 'major' ? 1 : -1;
  const mode = sign * 0.55 * features.modeWeight;
  return mode + mood.warmth * 0.75 + mood.valence * 0.15;
}

/**
 * Energy sets the chroma, never so low that colours turn to greys; intense
 * words add a little, sad ones drain some.
 */
function paletteChroma(features: TrackFeatures, mood: Mood): number {
  const base = Math.max(0.05, 0.035 + 0.19 * features.energy);
  return base * (1 + 0.15 * mood.arousal) * (1 - 0.5 * sadness(mood));
}

/**
 * How gloomy the words are, 0–1: dark and not intense. A battle is dark
 * too, but its shapes may burn bright.
 */
function gloom(mood: Mood): number {
  const dark = clamp((mood.darkness - 0.4) / 0.6, 0, 1);
  return dark * (1 - 0.6 * Math.max(0, mood.arousal));
}

/**
 * How sad the words are, 0–1: a low valence that is not also intense.
 * Tense, aggressive words are unhappy too, but their colours burn.
 */
function sadness(mood: Mood): number {
  return Math.max(0, -mood.valence) * (1 - Math.max(0, mood.arousal));
}

/**
 * Brightness sets the value, dark words pull it down and happy ones lift
 * it. Styles may still lay vivid mid-value fields of their own.
 */
function groundValue(features: TrackFeatures, mood: Mood): number {
  // The mood's resting darkness (0.2) leaves the value alone.
  const lit =
    features.brightness * (1 - 0.55 * Math.max(0, mood.darkness - 0.2)) +
    0.14 * mood.valence -
    0.12 * Math.max(0, mood.darkness - 0.5);
  // Dark grounds take 0.16–0.38 and light ones 0.76–0.96: between, a
  // ground reads as mud under shapes of either value; darker still, it
  // is black and loses its hue. The order holds.
  const v = clamp(lit, 0, 1);
  return v < 0.5 ? 0.16 + v * 0.44 : 0.76 + (v - 0.5) * 0.4;
}

/**
 * Loud tracks get deeper darks and cleaner lights: the ground moves a
 * little away from the middle as the contrast rises.
 */
function punch(value: number, contrast: number): number {
  const push = contrast - 0.5;
  return value < 0.5
    ? Math.max(0.14, value - 0.06 * push)
    : Math.min(0.97, value + 0.03 * push);
}

const norm = (h: number): number => ((h % 360) + 360) % 360;

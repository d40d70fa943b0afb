import type { Random } from '../random.js';
import type { Mood } from '../reading/read-mood.js';
import { fifthsIndex, type TrackFeatures } from '../reading/track-features.js';
import type { Motif } from '../reading/motifs.js';
import { clamp } from '../reading/resample.js';
import { oklchHex } from './color.js';

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
 * the family; the key's place on the circle of fifths picks the hue
 * within it, up to `KEY_SPREAD` degrees either side of the family's
 * middle; a strong tilt (cold words on a minor key) draws the hue towards
 * the middle, where the family is warmest or coldest.
 */
const WARM_MIDDLE = 45;
const COLD_MIDDLE = 235;
const KEY_SPREAD = 52;
/**
 * Words that name a colour of their own move the middle: a forest is
 * green, the sea blue and moonlight a blue-violet whatever the key. The temperature then turns the
 * hue towards orange or away from it by up to `HOME_TILT` degrees.
 */
const MOTIF_HOMES: Partial<Record<Motif, number>> = {
  forest: 148,
  water: 212,
  moon: 252,
};
const HOME_TILT = 20;
/** Small partners of the base hue for grounds; never across the wheel. */
const GROUND_OFFSETS = [0, -24, 24, 40, -40];

/**
 * Builds the palette of a track (a variation walks the key's hue). `motif`
 * is the track's leading picture, if its words named one.
 */
export function buildPalette(
  features: TrackFeatures,
  mood: Mood,
  rng: Random,
  variation = 0,
  motif: Motif | null = null,
): Palette {
  const tilt = clamp(temperatureTilt(features, mood), -1, 1);
  const step = (fifthsIndex(features.key) + variation * 5) % 12;
  const keyShift = (step / 11 - 0.5) * 2 * KEY_SPREAD;
  const motifHome = motif ? MOTIF_HOMES[motif] : undefined;
  const home = motifHome ?? (tilt >= 0 ? WARM_MIDDLE : COLD_MIDDLE);
  const centre =
    motifHome === undefined
      ? home + keyShift * (1 - 0.45 * Math.abs(tilt))
      : home + towardsOrange(home) * tilt * HOME_TILT + keyShift * 0.35;
  const hue = norm(centre + rng.range(-10, 10));
  const chroma = paletteChroma(features, mood);
  const contrast = 0.18 + 0.82 * features.energy;
  const value = punch(groundValue(features, mood), contrast);
  const dark = value < 0.5;
  const warm = tilt >= 0;
  const ownHome = motifHome !== undefined;
  const groundHue = groundHueFor(
    norm(hue + rng.pick(GROUND_OFFSETS)),
    dark,
    warm && !ownHome,
  );
  const fieldHue =
    dark || ownHome ? groundHue : lightGroundHue(groundHue, warm);
  // Some dark tracks get an ink-black ground instead of a coloured one,
  // chosen by the track, so dark tracks in one family do not all share
  // one deep colour; the shapes keep the palette's colour either way.
  const inky = dark && rng.chance(0.35);
  const groundChroma = chroma * (inky ? 0.22 : dark ? 0.75 : 0.5);
  const ground = oklchHex(inky ? value * 0.85 : value, groundChroma, fieldHue);

  return {
    temperature: tilt >= 0 ? 'warm' : 'cool',
    hue,
    home,
    groundHue,
    fieldHue,
    value,
    darkGround: dark,
    chroma,
    contrast,
    harmony: chooseHarmony(contrast, mood),
    lightest: 0.77 - 0.16 * clamp((mood.darkness - 0.4) / 0.6, 0, 1),
    ground,
    paper: dark ? ground : paperOf(value, chroma, groundHue, tilt >= 0),
    ink: dark
      ? oklchHex(0.96, 0.02, hue)
      : oklchHex(0.17, Math.min(0.05, chroma * 0.4), hue),
  };
}

/**
 * Deep warm grounds run from plum through oxblood to rust instead of
 * crimson to amber, in the same order: a deep amber is brown, a deep aubergine or
 * wine stays rich, and tracks in different keys keep different grounds.
 */
function groundHueFor(hue: number, dark: boolean, warm: boolean): number {
  if (!dark || !warm) return hue;
  const fromMiddle = ((hue - WARM_MIDDLE + 540) % 360) - 180;
  const along = clamp((fromMiddle + 75) / 150, 0, 1);
  return norm(315 + along * 85);
}

/**
 * Pale warm grounds lean to apricot rather than pink, pale cold ones to
 * sky blue, as paper and sky do.
 */
function lightGroundHue(hue: number, warm: boolean): number {
  const target = warm ? 68 : 222;
  const turn = ((target - hue + 540) % 360) - 180;
  return hue + turn * 0.35;
}

/** +1 or −1: the way round the wheel from `hue` to orange. */
function towardsOrange(hue: number): number {
  return ((WARM_MIDDLE - hue + 540) % 360) - 180 >= 0 ? 1 : -1;
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
    Math.min(0.032, 0.012 + chroma * 0.12),
    base + offset * 0.45,
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
  const l = palette.value + (palette.darkGround ? reach : -reach);
  const c = Math.max(0.04, palette.chroma * chromaScale);
  return oklchHex(clamp(l, 0.1, 0.97), c, hue);
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

/** Hue offsets for second and third colours. */
export function harmonyOffsets(palette: Palette): [number, number] {
  return palette.harmony;
}

/**
 * Calm tracks get neighbouring hues and loud ones opposites, except that
 * a sad track keeps to neighbours however loud: complements are the
 * colours of a party.
 */
function chooseHarmony(contrast: number, mood: Mood): [number, number] {
  const sad = mood.valence < -0.25;
  if (contrast > 0.72 && !sad) return [165, -140];
  if (contrast > 0.45) return sad ? [55, -60] : [105, -95];
  return [38, -42];
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
 * words add a little, a sad mood drains some.
 */
function paletteChroma(features: TrackFeatures, mood: Mood): number {
  const sadness = Math.max(0, -mood.valence);
  const base = Math.max(0.05, 0.035 + 0.19 * features.energy);
  return base * (1 + 0.15 * mood.arousal) * (1 - 0.5 * sadness);
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

import type { Random } from '../random.js';
import type { Mood } from '../reading/read-mood.js';
import { fifthsIndex, type TrackFeatures } from '../reading/track-features.js';
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
  /** The hue of grounds: the base hue nudged per track, same family. */
  groundHue: number;
  /** Lightness of the ground, 0–1 (OKLCH L). */
  value: number;
  /** True when the ground is dark and shapes and type are lighter. */
  darkGround: boolean;
  /** Chroma of the main colours. */
  chroma: number;
  /** 0–1: how far shapes stand from the ground in lightness. */
  contrast: number;
  ground: string;
  /** Text and line colour at the far end of the value scale. */
  ink: string;
}

/**
 * The temperature axis: from a cold blue through violet and magenta to a
 * warm orange, going round by the reds rather than by the greens and
 * yellows, which turn to olive when deep. A tilt of −1 is the blue end, +1
 * the orange end; the key's place on the circle of fifths moves the hue up
 * to `KEY_SPREAD` degrees either way around that point.
 */
const COLD_HUE = 235;
const WARM_HUE = 405;
const KEY_SPREAD = 40;
/** Small partners of the base hue for grounds; never across the wheel. */
const GROUND_OFFSETS = [0, -24, 24, 40, -40];

/** Builds the palette of a track (a variation walks the key's hue). */
export function buildPalette(
  features: TrackFeatures,
  mood: Mood,
  rng: Random,
  variation = 0,
): Palette {
  const tilt = clamp(temperatureTilt(features, mood), -1, 1);
  const step = (fifthsIndex(features.key) + variation * 5) % 12;
  const keyShift = (step / 11 - 0.5) * 2 * KEY_SPREAD;
  const axis = COLD_HUE + ((tilt + 1) / 2) * (WARM_HUE - COLD_HUE);
  const hue = norm(axis + keyShift + rng.range(-6, 6));
  const chroma = paletteChroma(features, mood);
  const value = groundValue(features, mood);
  const dark = value < 0.5;
  const groundHue = norm(hue + rng.pick(GROUND_OFFSETS));

  return {
    temperature: tilt >= 0 ? 'warm' : 'cool',
    hue,
    groundHue,
    value,
    darkGround: dark,
    chroma,
    contrast: 0.18 + 0.82 * features.energy,
    ground: oklchHex(value, chroma * (dark ? 0.75 : 0.5), groundHue),
    ink: dark
      ? oklchHex(0.96, 0.02, hue)
      : oklchHex(0.17, Math.min(0.05, chroma * 0.4), hue),
  };
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
  const room = palette.darkGround ? 0.77 - palette.value : palette.value - 0.42;
  const reach = room * (0.2 + 0.8 * palette.contrast) * depth;
  const l = palette.value + (palette.darkGround ? reach : -reach);
  const c = Math.max(0.04, palette.chroma * chromaScale);
  return oklchHex(clamp(l, 0.1, 0.97), c, palette.hue + hueOffset);
}

/**
 * A neighbouring hue up to `degrees` away, on the side of its temperature
 * family's middle, so a neighbour keeps the cover's temperature: a warm
 * orange's neighbour is a red (not a yellow that would turn olive), a
 * cold violet's a blue. Near the middle the lean fades, so the neighbour
 * moves smoothly with the key.
 */
export function lean(palette: Palette, degrees: number): number {
  const middle = palette.temperature === 'warm' ? 20 : 232;
  const towards = ((middle - palette.hue + 540) % 360) - 180;
  return degrees * clamp(towards / 40, -1, 1);
}

/** Hue offsets for second and third colours: calm ones near, loud ones far. */
export function harmonyOffsets(palette: Palette): [number, number] {
  if (palette.contrast > 0.72) return [165, -140];
  if (palette.contrast > 0.45) return [105, -95];
  return [38, -42];
}

/** Mode leads; warm or cold words and a happy or sad mood lean on it. */
function temperatureTilt(features: TrackFeatures, mood: Mood): number {
  const mode = features.mode === 'major' ? 0.55 : -0.55;
  return mode + mood.warmth * 0.75 + mood.valence * 0.15;
}

/** Energy sets the chroma; a sad mood drains some of it. */
function paletteChroma(features: TrackFeatures, mood: Mood): number {
  const sadness = Math.max(0, -mood.valence);
  return (0.015 + 0.2 * features.energy) * (1 - 0.4 * sadness);
}

/**
 * Brightness sets the value, dark words pull it down and happy ones lift
 * it. Styles may still lay vivid mid-value fields of their own.
 */
function groundValue(features: TrackFeatures, mood: Mood): number {
  const lit =
    features.brightness * (1 - 0.55 * mood.darkness) +
    0.14 * mood.valence -
    0.12 * Math.max(0, mood.darkness - 0.5);
  // Dark grounds take 0.16–0.38 and light ones 0.76–0.96: between, a
  // ground reads as mud under shapes of either value; darker still, it
  // is black and loses its hue. The order holds.
  const v = clamp(lit, 0, 1);
  return v < 0.5 ? 0.16 + v * 0.44 : 0.76 + (v - 0.5) * 0.4;
}

const norm = (h: number): number => ((h % 360) + 360) % 360;

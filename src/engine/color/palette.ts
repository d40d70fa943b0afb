import type { Random } from '../random.js';
import type { Mood } from '../reading/read-mood.js';
import { fifthsIndex, type TrackFeatures } from '../reading/track-features.js';
import { clamp } from '../reading/resample.js';
import { oklchHex } from './color.js';

/** A cover's colours by role. Every style paints from these. */
export interface Palette {
  temperature: 'warm' | 'cool';
  /** The base hue in OKLCH degrees. */
  hue: number;
  /**
   * The hue of deep grounds: the base hue or a partner of it, chosen per
   * track, so dark covers of tracks in neighbouring keys do not share one
   * ground colour.
   */
  groundHue: number;
  /** Chroma of the main colours, set by energy. */
  chroma: number;
  ground: string;
  groundAlt: string;
  /** The main colour of shapes, far from the ground in lightness. */
  ink: string;
  accent: string;
  accent2: string;
  /** A near-white tinted with the base hue. */
  light: string;
  /** A near-black tinted with the base hue. */
  dark: string;
  darkGround: boolean;
}

/** Warm hues run red to amber, cool ones teal to violet (OKLCH degrees). */
/** Partners of the base hue that deep grounds may take. */
const GROUND_OFFSETS = [0, 180, 150, 210, -35];
const WARM = { start: 350, span: 110 };
const COOL = { start: 170, span: 135 };

/**
 * Mode (with the mood's warmth) sets the temperature, the key's place on the
 * circle of fifths picks the hue within it (a variation moves it along the
 * same range, so the temperature holds), energy sets chroma and the
 * distance between colours, brightness sets the ground's value.
 */
export function buildPalette(
  features: TrackFeatures,
  mood: Mood,
  rng: Random,
  variation = 0,
): Palette {
  const tilt = (features.mode === 'major' ? 0.6 : -0.6) + mood.warmth * 0.7;
  const range = tilt >= 0 ? WARM : COOL;
  const step = (fifthsIndex(features.key) + variation * 5) % 12;
  const hue = range.start + (range.span * step) / 11 + rng.range(-14, 14);
  const chroma = 0.05 + features.energy * 0.15;
  const groundL = groundLightness(features, mood, chroma);
  const dark = groundL < 0.5;
  const [h1, h2] = harmonyHues(hue, features.energy);
  const groundHue = norm(hue + rng.pick(GROUND_OFFSETS));

  return {
    temperature: tilt >= 0 ? 'warm' : 'cool',
    hue: norm(hue),
    groundHue,
    chroma,
    ground: oklchHex(
      groundL,
      chroma * (dark ? 0.7 : 0.55),
      dark ? groundHue : hue,
    ),
    groundAlt: oklchHex(
      groundL + (dark ? 0.08 : -0.08),
      chroma * 0.8,
      hue + 14,
    ),
    ink: oklchHex(dark ? 0.84 : 0.3, chroma * 1.1, hue),
    accent: oklchHex(0.7, Math.max(0.13, chroma * 1.2), h1),
    accent2: oklchHex(0.56, Math.max(0.1, chroma), h2),
    light: oklchHex(0.965, 0.018, hue),
    dark: oklchHex(0.18, 0.04, groundHue),
    darkGround: dark,
  };
}

/**
 * Low-chroma colours in the middle of the lightness range read as mud, so
 * a muted ground is pushed towards dark or light; a vivid one may stay.
 */
function groundLightness(
  features: TrackFeatures,
  mood: Mood,
  chroma: number,
): number {
  const raw = 0.14 + 0.8 * features.brightness * (1 - mood.darkness * 0.55);
  const l = clamp(raw, 0.12, 0.95);
  if (chroma >= 0.13 || l < 0.36 || l > 0.66) return l;
  return l < 0.5 ? 0.26 : 0.82;
}

/** Calm tracks get neighbouring hues; intense ones, opposites. */
function harmonyHues(hue: number, energy: number): [number, number] {
  if (energy > 0.66) return [hue + 180, hue + 150];
  if (energy > 0.36) return [hue + 120, hue - 120];
  return [hue + 35, hue - 40];
}

const norm = (h: number): number => ((h % 360) + 360) % 360;

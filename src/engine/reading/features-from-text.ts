import type { Random } from '../random.js';
import {
  GENRE_BPM,
  GENRE_BRIGHTNESS,
  GENRE_ENERGY,
  type Genre,
} from './genres.js';
import type { Mood } from './read-mood.js';
import { PITCH_CLASSES, type TrackFeatures } from './track-features.js';
import { clamp, resample, smooth } from './resample.js';

/** Section markers and the energy a section usually carries. */
const SECTION_ENERGY: readonly [RegExp, number][] = [
  [/intro/i, 0.35],
  [/pre-?chorus|pré-?refr/i, 0.7],
  [/chorus|refr[aã]o|coro|hook/i, 0.92],
  [/drop/i, 1],
  [/bridge|ponte/i, 0.6],
  [/break/i, 0.4],
  [/outro|fim/i, 0.3],
  [/verse|verso|estrofe/i, 0.55],
];

/** "140 bpm" or "bpm 140" written in the style tags. */
export function readTagBpm(tags: string): number | null {
  const match = /(\d{2,3})\s*bpm\b|\bbpm\s*(\d{2,3})/i.exec(tags);
  const bpm = Number(match?.[1] ?? match?.[2]);
  return bpm >= 40 && bpm <= 240 ? bpm : null;
}

export interface TextFeatureInput {
  tags: string;
  lyrics: string;
  genre: Genre;
  mood: Mood;
}

/**
 * Stand-in features for a track without audio, derived from its words
 * alone and a seeded generator, so they are stable for the same track.
 */
export function featuresFromText(
  input: TextFeatureInput,
  rng: Random,
): TrackFeatures {
  const { genre, mood } = input;
  const tagBpm = readTagBpm(input.tags);
  const bpm = tagBpm ?? estimateBpm(genre, mood, rng);
  // Even the calmest track keeps some energy: at none, colours go grey.
  // Tracks of one genre spread round its usual energy, as recordings do,
  // or every track of it would get one contrast and one density.
  const spread = rng.fork('energy').range(-0.12, 0.12);
  const energy = clamp(
    GENRE_ENERGY[genre] + mood.arousal * 0.25 + spread,
    0.15,
    0.98,
  );
  const contour = sectionContour(input, energy, rng);

  return {
    bpm,
    bpmSource: tagBpm === null ? 'text' : 'tags',
    energy,
    key: rng.pick(PITCH_CLASSES),
    mode: guessMode(mood, rng.fork('mode')),
    modeWeight: 0.5,
    brightness: clamp(GENRE_BRIGHTNESS[genre] + rng.range(-0.06, 0.06), 0, 1),
    contour,
    waveform: textWaveform(contour, bpm, rng),
    spectrum: textSpectrum(genre, mood, rng),
    dynamics: clamp(1 - energy * 0.7, 0, 1),
    durationSec: null,
    fromAudio: false,
  };
}

/**
 * Sad or dark words say minor, others major. Without mood words only the
 * genre speaks, and it only leans: the mode is a toss weighted by its
 * usual mood (at most four in five either way; even for a track that
 * names no genre), or every track of a dark genre would be minor and
 * every one of its palettes cold. Drawn from a fork, so the other
 * stand-ins stay as they were.
 */
function guessMode(mood: Mood, rng: Random): 'major' | 'minor' {
  const gloom = mood.valence - mood.darkness * 0.5;
  const neutral = -0.1;
  if (mood.words.length > 0) return gloom < neutral + 0.05 ? 'minor' : 'major';
  const minorChance = clamp(0.5 - (gloom - neutral) * 1.5, 0.2, 0.8);
  return rng.chance(minorChance) ? 'minor' : 'major';
}

/** The genre's usual tempo, moved by the mood and up to 10% either way. */
function estimateBpm(genre: Genre, mood: Mood, rng: Random): number {
  const base = GENRE_BPM[genre] * (1 + mood.arousal * 0.12);
  return Math.round(clamp(base * rng.range(0.9, 1.1), 50, 200));
}

/** The song's shape: its sections in order, or a gentle arc without any. */
function sectionContour(
  input: TextFeatureInput,
  energy: number,
  rng: Random,
): number[] {
  const sections = [...input.lyrics.matchAll(/^\s*\[([^\]]+)\]/gm)].map((m) =>
    sectionEnergy(m[1] ?? ''),
  );
  const levels = sections.length > 0 ? sections : arcLevels(input.tags, rng);
  const steps = levels.flatMap((level) => [level, level, level]);
  const wobble = resample(steps, 32).map((v) => v * rng.range(0.85, 1.05));
  const scaled = smooth(wobble, 2).map((v) => v * (0.55 + energy * 0.45));
  const peak = Math.max(...scaled, 0.01);
  return scaled.map((v) => clamp(v / peak, 0, 1));
}

function sectionEnergy(name: string): number {
  return SECTION_ENERGY.find(([pattern]) => pattern.test(name))?.[1] ?? 0.55;
}

function arcLevels(tags: string, rng: Random): number[] {
  if (/slow build|crescendo|build/i.test(tags))
    return [0.2, 0.35, 0.55, 0.8, 1];
  // The peak anywhere in the song, broad or sharp.
  const peakAt = rng.range(0, 4);
  const width = rng.range(0.8, 2.5);
  return [0, 1, 2, 3, 4].map(
    (i) => 0.45 + 0.5 * Math.exp(-((i - peakAt) ** 2) / width),
  );
}

function textWaveform(contour: number[], bpm: number, rng: Random): number[] {
  const beats = (bpm / 60) * 30;
  const raw = resample(contour, 128).map((level, i) => {
    const pulse = Math.abs(Math.cos((Math.PI * beats * i) / 127)) ** 3;
    return level * (0.5 + 0.5 * pulse) * rng.range(0.7, 1);
  });
  const peak = Math.max(...raw, 0.01);
  return raw.map((v) => v / peak);
}

/** A long-term spectrum with the tilt typical of the genre. */
function textSpectrum(genre: Genre, mood: Mood, rng: Random): number[] {
  const heavyLows = [
    'bass',
    'lofi',
    'industrial',
    'metal',
    'electronic',
  ].includes(genre);
  const lowWeight = heavyLows ? 1 : 0.7;
  const air = clamp(0.35 + mood.valence * 0.2 - mood.darkness * 0.2, 0.1, 0.7);
  const raw = Array.from({ length: 32 }, (_, band) => {
    const x = band / 31;
    const lows = lowWeight * Math.exp(-((x - 0.12) ** 2) / 0.02);
    const mids = 0.75 * Math.exp(-((x - 0.42) ** 2) / 0.05);
    const highs = air * Math.exp(-((x - 0.78) ** 2) / 0.04);
    return (lows + mids + highs) * rng.range(0.8, 1.1);
  });
  const peak = Math.max(...raw, 0.01);
  return smooth(raw, 1).map((v) => v / peak);
}

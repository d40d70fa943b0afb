import { buildPalette, type Palette } from '../color/palette.js';
import { createRandom, hashString } from '../random.js';
import type { CoverInput } from '../types.js';
import { featuresFromAudio } from './features-from-audio.js';
import { featuresFromText } from './features-from-text.js';
import type { Genre } from './genres.js';
import type { Motif } from './motifs.js';
import { cleanTrackText } from './clean-text.js';
import { readGenres, type GenreScore } from './read-genre.js';
import { readMood, type Mood } from './read-mood.js';
import { readMotifs } from './read-motifs.js';
import { detectScripts, type Script } from './scripts.js';
import { readFacts, type TrackFacts } from './track-facts.js';
import type { TrackFeatures } from './track-features.js';

/** The engine's reading of a track: everything the styles paint from. */
export interface TrackReading {
  genre: Genre;
  /** Every genre the words suggest, with how strongly, strongest first. */
  genres: GenreScore[];
  /** The title as read: controls and bidi marks gone. */
  title: string;
  mood: Mood;
  motifs: Motif[];
  /** Scripts of the title and artist. */
  scripts: Script[];
  /**
   * The figures the styles draw from: measured, or stand-ins for a track
   * without audio. Never printed; print `facts`.
   */
  features: TrackFeatures;
  /** What the cover may print besides title and artist. */
  facts: TrackFacts;
  palette: Palette;
  /** Seed for every seeded choice: the track's identity. */
  seed: number;
}

/** Reads a track. Pure: the same input always gives the same reading. */
export function readTrack(track: CoverInput): TrackReading {
  const input = cleanTrackText(track);
  const seed = trackSeed(input);
  const rng = createRandom(seed);
  const genres = readGenres(input.tags, input.lyrics, input.title);
  const genre = genres[0]?.genre ?? 'unknown';
  const mood = readMood(input, genre);
  const features = input.audio
    ? featuresFromAudio(input.audio)
    : featuresFromText(
        { tags: input.tags, lyrics: input.lyrics, genre, mood },
        rng.fork('features'),
      );

  const motifs = readMotifs(input.title, input.lyrics, input.tags);
  return {
    genre,
    genres,
    title: input.title,
    mood,
    motifs,
    scripts: detectScripts(`${input.title} ${input.artist}`),
    features,
    facts: readFacts(input),
    palette: buildPalette(
      { features, mood, genre, motifs },
      rng.fork('palette'),
    ),
    seed,
  };
}

/**
 * The track's identity: its words and the length of its recording. The
 * features that drive the art (tempo, key, energy, brightness, contour)
 * stay out of the seed on purpose, so each one's effect on a cover is its
 * own and not a reshuffle of everything else.
 */
function trackSeed(input: CoverInput): number {
  const length = input.audio?.durationSec;
  const audio = Number.isFinite(length) ? String(length?.toFixed(1)) : '';
  const text = [input.title, input.artist, input.tags, input.lyrics, audio];
  return hashString(text.join('\u0000'));
}

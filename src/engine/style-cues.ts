import type { Motif } from './reading/motifs.js';
import type { Mood } from './reading/read-mood.js';
import type { TrackReading } from './reading/read-track.js';
import { clamp } from './reading/resample.js';

/** A bonus per style id, added to the styles' own suitability. */
export type StyleCues = Record<string, number>;

/**
 * The styles that can show a motif in their own picture, and how well:
 * the sunset paints a sea, a road, mesas or a skyline; the map raises
 * hills and rivers; ink draws ridges, rain-mist and an ensō with a moon;
 * the aura is light and night air; the poster's disc is a sun or a fire;
 * Bauhaus and the collage cut any motif's glyph, so they follow only
 * where the glyph is the picture (a machine, a heart, breakfast).
 */
export const MOTIF_STYLES: Readonly<Record<Motif, StyleCues>> = {
  moon: { ink: 1, mono: 0.7, poster: 0.5, aura: 0.5, collage: 0.5 },
  sun: { sunset: 1, ink: 0.6, poster: 0.6, bauhaus: 0.5, mono: 0.5 },
  rain: { ink: 1, aura: 0.5, collage: 0.5, mono: 0.4, topo: 0.3 },
  night: { aura: 0.7, mono: 0.6, poster: 0.5, sunset: 0.4, ink: 0.4 },
  stars: { aura: 0.8, sunset: 0.6, collage: 0.5, bauhaus: 0.4, mono: 0.4 },
  road: { sunset: 1, topo: 0.8, ink: 0.5, poster: 0.3 },
  water: { sunset: 0.8, topo: 0.7, ink: 0.7, mono: 0.4 },
  fire: { poster: 1, aura: 0.5, collage: 0.5, bauhaus: 0.4 },
  city: { bauhaus: 0.8, sunset: 0.6, poster: 0.6, collage: 0.5 },
  desert: { sunset: 1, topo: 0.9, ink: 0.5 },
  mountain: { topo: 1, ink: 0.9, sunset: 0.5 },
  forest: { ink: 1, topo: 0.8, collage: 0.5 },
  space: { aura: 1, mono: 0.5, topo: 0.4, bauhaus: 0.4 },
  machine: { bauhaus: 1, poster: 0.8, collage: 0.4 },
  church: { aura: 0.8, mono: 0.7, poster: 0.5, ink: 0.4 },
  heart: { collage: 0.9, poster: 0.7, bauhaus: 0.6, aura: 0.4 },
  light: { aura: 1, mono: 0.6, collage: 0.4 },
  food: { collage: 1, bauhaus: 0.7 },
  storm: { poster: 0.9, ink: 0.7, collage: 0.5 },
  dream: { aura: 1, mono: 0.6, collage: 0.4 },
};

/** How much the strongest motif adds; each further one adds half as much. */
const MOTIF_CUE = 0.26;

/**
 * What the words and the recording say about the styles, beyond the genre:
 * the motifs each style can show, the mood (of the tags, lyrics and the
 * title's own words: "Summer", "Lonely"), and, for a measured recording,
 * its tempo and energy. Stand-in features invented from the words say
 * nothing here: they are the genre's averages.
 */
export function readStyleCues(reading: TrackReading): StyleCues {
  const cues: StyleCues = {};
  const add = (id: string, amount: number): void => {
    cues[id] = (cues[id] ?? 0) + amount;
  };
  reading.motifs.forEach((motif, rank) => {
    const weight = MOTIF_CUE / 2 ** rank;
    for (const [id, fit] of Object.entries(MOTIF_STYLES[motif]))
      add(id, fit * weight);
  });
  addMoodCues(add, reading.mood);
  if (reading.features.fromAudio) addAudioCues(add, reading);
  return cues;
}

/**
 * Intense words want the loud styles (the poster, the grid, the collage),
 * calm ones the quiet (mono, the aura, ink); happy words the printed and
 * cut-paper ones, sad ones the spare ones; dark words a night field.
 */
function addMoodCues(add: (id: string, amount: number) => void, mood: Mood) {
  const { arousal, valence } = mood;
  const dark = mood.darkness - 0.2;
  add('poster', arousal * 0.14 + dark * 0.1);
  add('bauhaus', arousal * 0.06 + valence * 0.06 - dark * 0.08);
  add('collage', arousal * 0.05 + valence * 0.1 - dark * 0.06);
  add('mono', -arousal * 0.1 - valence * 0.08);
  add('aura', -arousal * 0.08 + dark * 0.06);
  add('ink', -arousal * 0.06 - valence * 0.06);
  add('sunset', valence * 0.05 + Math.abs(mood.warmth) * 0.08);
  add('topo', -valence * 0.03 + dark * 0.04);
}

/**
 * A recording can be drawn as itself (the waveform) or as a map of its
 * loudness (the contour map); a fast one suits the grid and the poster, a
 * slow one the quiet styles, and a loud one the poster and the screen.
 */
function addAudioCues(
  add: (id: string, amount: number) => void,
  reading: TrackReading,
): void {
  const { bpm, energy } = reading.features;
  const tempo = clamp((bpm - 110) / 50, -1, 1);
  const loud = clamp((energy - 0.5) * 2, -1, 1);
  add('waveform', 0.38 + loud * 0.05);
  add('topo', 0.1);
  add('bauhaus', tempo * 0.07);
  add('poster', tempo * 0.05 + loud * 0.08);
  add('collage', tempo * 0.04);
  add('mono', -tempo * 0.06 - loud * 0.07);
  add('aura', -tempo * 0.05 - loud * 0.05);
  add('ink', -tempo * 0.05 - loud * 0.03);
}

import type { Genre } from './genres.js';
import { countWord } from './match-words.js';
import { LYRIC_MOOD_WORDS, MOOD_WORDS, type MoodShift } from './moods.js';
import { clamp } from './resample.js';

export interface Mood {
  /** Sad (-1) to happy (+1). */
  valence: number;
  /** Calm (-1) to intense (+1). */
  arousal: number;
  /** 0 light to 1 dark. */
  darkness: number;
  /** Cold (-1) to warm (+1). */
  warmth: number;
  /** The mood words found, the tags' first, then the title's. */
  words: string[];
}

/** Where a genre sits before any mood word is read. */
const GENRE_MOOD: Partial<Record<Genre, MoodShift>> = {
  ambient: { arousal: -0.4, darkness: 0.2 },
  industrial: { valence: -0.3, arousal: 0.5, darkness: 0.6 },
  metal: { valence: -0.2, arousal: 0.6, darkness: 0.6 },
  bass: { arousal: 0.6, darkness: 0.5 },
  lofi: { arousal: -0.4, darkness: 0.3, warmth: 0.2 },
  jazz: { darkness: 0.3, warmth: 0.3 },
  latin: { valence: 0.2, warmth: 0.6 },
  folk: { valence: 0, arousal: -0.2, warmth: 0.4 },
  country: { warmth: 0.5 },
  pop: { valence: 0.4, arousal: 0.3 },
  punk: { arousal: 0.6 },
  classical: { arousal: -0.3 },
  soul: { valence: 0.3, warmth: 0.5 },
  world: { warmth: 0.4 },
  kids: { valence: 0.7, arousal: 0.2, darkness: -0.4 },
  synthwave: { darkness: 0.4, arousal: 0.2 },
};

/** The words a mood is read from. */
export interface MoodText {
  tags: string;
  lyrics: string;
  /**
   * Read as both: a title is chosen as carefully as a tag ("Lonely",
   * "Summer Rage") and may be a line of the lyrics.
   */
  title: string;
}

/** Weight of each lyric mood word (up to two hits each). */
const LYRIC_WEIGHT = 0.4;

export function readMood(text: MoodText, genre: Genre): Mood {
  const mood: Mood = {
    valence: 0,
    arousal: 0,
    darkness: 0.2,
    warmth: 0,
    words: [],
  };
  applyShift(mood, GENRE_MOOD[genre] ?? {}, 1);
  readTagWords(mood, text.tags.toLowerCase());
  readTagWords(mood, text.title.toLowerCase());
  readLyricWords(mood, text.lyrics.toLowerCase());
  readLyricWords(mood, text.title.toLowerCase());
  return settle(mood);
}

function readTagWords(mood: Mood, lowered: string): void {
  for (const [word, shift] of Object.entries(MOOD_WORDS)) {
    if (countWord(lowered, word) === 0) continue;
    applyShift(mood, shift, 1);
    if (!mood.words.includes(word)) mood.words.push(word);
  }
}

function readLyricWords(mood: Mood, prose: string): void {
  for (const [word, shift] of Object.entries(LYRIC_MOOD_WORDS)) {
    const hits = Math.min(2, countWord(prose, word));
    if (hits > 0) applyShift(mood, shift, LYRIC_WEIGHT * hits);
  }
}

function applyShift(mood: Mood, shift: MoodShift, weight: number): void {
  mood.valence += (shift.valence ?? 0) * weight;
  mood.arousal += (shift.arousal ?? 0) * weight;
  mood.darkness += (shift.darkness ?? 0) * weight;
  mood.warmth += (shift.warmth ?? 0) * weight;
}

function settle(mood: Mood): Mood {
  return {
    valence: clamp(mood.valence, -1, 1),
    arousal: clamp(mood.arousal, -1, 1),
    darkness: clamp(mood.darkness, 0, 1),
    warmth: clamp(mood.warmth, -1, 1),
    words: mood.words,
  };
}

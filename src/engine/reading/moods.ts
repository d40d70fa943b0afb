/**
 * Mood words and how each moves the reading. valence: sad (-1) to happy
 * (+1); arousal: calm (-1) to intense (+1); darkness: 0 light to 1 dark;
 * warmth: cold (-1) to warm (+1).
 */
export interface MoodShift {
  valence?: number;
  arousal?: number;
  darkness?: number;
  warmth?: number;
}

export const MOOD_WORDS: Readonly<Record<string, MoodShift>> = {
  dark: { valence: -0.3, darkness: 0.7 },
  tense: { valence: -0.4, arousal: 0.3, darkness: 0.4 },
  thriller: { valence: -0.3, arousal: 0.3, darkness: 0.5 },
  aggressive: { valence: -0.2, arousal: 0.6, darkness: 0.4 },
  battle: { arousal: 0.5, darkness: 0.3 },
  heavy: { arousal: 0.4, darkness: 0.3 },
  melancholic: { valence: -0.6, arousal: -0.2, darkness: 0.2 },
  sad: { valence: -0.7, arousal: -0.2 },
  dusty: { valence: -0.2, warmth: 0.4 },
  nostalgic: { valence: -0.1, arousal: -0.2, warmth: 0.3 },
  dreamy: { valence: 0.2, arousal: -0.4 },
  atmospheric: { arousal: -0.3 },
  calm: { arousal: -0.6 },
  chill: { arousal: -0.5 },
  sparse: { arousal: -0.4 },
  slow: { arousal: -0.4 },
  'slow build': { arousal: -0.1 },
  romantic: { valence: 0.4, arousal: -0.1, warmth: 0.4 },
  warm: { valence: 0.2, warmth: 0.7 },
  lush: { valence: 0.3, warmth: 0.2 },
  happy: { valence: 0.8, arousal: 0.3 },
  bright: { valence: 0.5, darkness: -0.4 },
  upbeat: { valence: 0.5, arousal: 0.4 },
  uplifting: { valence: 0.7, arousal: 0.3, darkness: -0.2 },
  epic: { valence: 0.2, arousal: 0.5 },
  energetic: { valence: 0.3, arousal: 0.6 },
  fast: { arousal: 0.5 },
  driving: { arousal: 0.4 },
  pulsing: { arousal: 0.3 },
  hypnotic: { arousal: 0 },
  adventurous: { valence: 0.4, arousal: 0.3, warmth: 0.2 },
  cinematic: { arousal: 0.1 },
  'late night': { darkness: 0.4, arousal: -0.2 },
  'rainy night': { darkness: 0.4, valence: -0.1 },
  night: { darkness: 0.3 },
  space: { warmth: -0.5, darkness: 0.3 },
  cold: { warmth: -0.6, valence: -0.2 },
  icy: { warmth: -0.7 },
  sunny: { valence: 0.5, warmth: 0.6 },
  desert: { warmth: 0.7 },
};

/** Lyric words, in the shared tracks' languages, that colour the mood. */
export const LYRIC_MOOD_WORDS: Readonly<Record<string, MoodShift>> = {
  rain: { valence: -0.2, warmth: -0.2 },
  cold: { valence: -0.2, warmth: -0.3 },
  ghost: { valence: -0.3, darkness: 0.2 },
  alone: { valence: -0.4 },
  stranger: { valence: -0.2 },
  rise: { valence: 0.3, arousal: 0.2 },
  promise: { valence: 0.3 },
  light: { valence: 0.2, darkness: -0.1 },
  happy: { valence: 0.4 },
  dance: { valence: 0.3, arousal: 0.3 },
  fire: { arousal: 0.3, warmth: 0.3 },
  storm: { arousal: 0.3, darkness: 0.2 },
  огонь: { arousal: 0.3, warmth: 0.3 },
  бурю: { arousal: 0.3, darkness: 0.3 },
  гром: { arousal: 0.3, darkness: 0.2 },
  雨: { valence: -0.1, warmth: -0.1 },
  夜: { darkness: 0.2 },
  밤: { darkness: 0.2 },
  별빛: { valence: 0.2 },
  춤을: { valence: 0.3, arousal: 0.3 },
  نورك: { valence: 0.3, warmth: 0.2 },
};

/** The genre families the engine tells apart; each steers fonts and styles. */
export type Genre =
  | 'ambient'
  | 'electronic'
  | 'industrial'
  | 'metal'
  | 'bass'
  | 'lofi'
  | 'jazz'
  | 'latin'
  | 'folk'
  | 'country'
  | 'pop'
  | 'punk'
  | 'classical'
  | 'soul'
  | 'world'
  | 'kids'
  | 'synthwave'
  | 'unknown';

/**
 * Words that point at a genre, as people type them in style tags. A phrase
 * counts when it appears as whole words; longer phrases are listed where a
 * short word alone would mislead ("city pop" is retro, "pop" is pop).
 */
export const GENRE_WORDS: Readonly<
  Record<Exclude<Genre, 'unknown'>, readonly string[]>
> = {
  ambient: [
    'ambient',
    'atmospheric',
    'drone',
    'synth pads',
    'pads',
    'new age',
    'meditation',
    'space ambient',
    'dreamy',
  ],
  electronic: [
    'electronic',
    'idm',
    'techno',
    'house',
    'edm',
    'trance',
    'electro',
    'synth',
    'downtempo',
    'hypnotic',
    'steady groove',
  ],
  industrial: [
    'industrial',
    'ebm',
    'battle',
    'aggressive synths',
    'driving drums',
    'dark electronic',
    'pulsing bass',
    'thriller',
  ],
  metal: [
    'metal',
    'symphonic metal',
    'doom',
    'thrash',
    'double kick',
    'djent',
    'metalcore',
  ],
  bass: [
    'dubstep',
    'drum and bass',
    'dnb',
    'wobble',
    'heavy bass',
    'trap',
    'riddim',
    'bass music',
  ],
  lofi: [
    'lo-fi',
    'lofi',
    'lo fi',
    'hip hop',
    'hip-hop',
    'chillhop',
    'boom bap',
    'rap',
    'beats',
  ],
  jazz: ['jazz', 'jazzy', 'swing', 'bebop', 'smooth jazz', 'jazzy piano'],
  latin: [
    'bossa nova',
    'bossa',
    'samba',
    'salsa',
    'tango',
    'cumbia',
    'reggaeton',
    'nylon guitar',
  ],
  folk: [
    'folk',
    'indie folk',
    'acoustic',
    'acoustic guitar',
    'singer-songwriter',
    'harmonies',
    'banjo',
  ],
  country: [
    'country',
    'outlaw country',
    'western',
    'twang',
    'twangy guitar',
    'bluegrass',
    'americana',
    'desert',
  ],
  pop: ['pop', 'j-pop', 'k-pop', 'dance', 'upbeat', 'group vocals', 'idol'],
  punk: [
    'punk',
    'pop punk',
    'rock',
    'grunge',
    'garage',
    'gang vocals',
    'emo',
    'alt rock',
  ],
  classical: [
    'classical',
    'classical piano',
    'solo piano',
    'orchestral',
    'impressionist',
    'symphonic',
    'baroque',
    'cinematic',
    'strings',
    'chamber',
  ],
  soul: [
    'gospel',
    'soul',
    'r&b',
    'rnb',
    'funk',
    'motown',
    'hammond organ',
    'hammond',
  ],
  world: [
    'world',
    'tribal',
    'tribal percussion',
    'oud',
    'darbuka',
    'arabic pop',
    'afro',
    'celtic',
    'sitar',
  ],
  kids: [
    "children's song",
    "children's",
    'children',
    'kids',
    'nursery',
    'lullaby',
    'ukulele',
    'whistling',
  ],
  synthwave: [
    'synthwave',
    'retrowave',
    'outrun',
    '80s',
    'vaporwave',
    'city pop',
    'retro',
  ],
};

/** A tempo typical of each genre, for tracks whose tempo is not known. */
export const GENRE_BPM: Readonly<Record<Genre, number>> = {
  ambient: 72,
  electronic: 122,
  industrial: 132,
  metal: 168,
  bass: 140,
  lofi: 82,
  jazz: 112,
  latin: 104,
  folk: 96,
  country: 100,
  pop: 118,
  punk: 178,
  classical: 66,
  soul: 92,
  world: 108,
  kids: 112,
  synthwave: 104,
  unknown: 100,
};

/** How loud and dense each genre usually is, 0–1. */
export const GENRE_ENERGY: Readonly<Record<Genre, number>> = {
  ambient: 0.22,
  electronic: 0.6,
  industrial: 0.82,
  metal: 0.92,
  bass: 0.9,
  lofi: 0.35,
  jazz: 0.45,
  latin: 0.5,
  folk: 0.38,
  country: 0.48,
  pop: 0.7,
  punk: 0.88,
  classical: 0.25,
  soul: 0.6,
  world: 0.6,
  kids: 0.62,
  synthwave: 0.62,
  unknown: 0.45,
};

/**
 * How bright each genre usually sounds (its typical spectral balance),
 * 0 dark – 1 bright: a stand-in for measured brightness when a track has
 * no audio. The mood is applied later, by the palette.
 */
export const GENRE_BRIGHTNESS: Readonly<Record<Genre, number>> = {
  ambient: 0.45,
  electronic: 0.6,
  industrial: 0.55,
  metal: 0.62,
  bass: 0.42,
  lofi: 0.38,
  jazz: 0.45,
  latin: 0.55,
  folk: 0.52,
  country: 0.55,
  pop: 0.66,
  punk: 0.62,
  classical: 0.5,
  soul: 0.5,
  world: 0.55,
  kids: 0.72,
  synthwave: 0.55,
  unknown: 0.5,
};

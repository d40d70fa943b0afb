import type { Genre } from '../reading/genres.js';
import type { FaceRequest } from './font-stack.js';

const face = (family: string, weight: number, italic = false): FaceRequest => ({
  family: `Sleeve ${family}`,
  weight,
  italic,
});

/**
 * Faces that cover Latin and Cyrillic, ending every list so a Russian title
 * still gets a face of the same voice when the display face lacks Cyrillic.
 */
const SANS_TAIL = [face('Inter', 800)];
const SERIF_TAIL = [face('Playfair', 700)];

/** The headline voice of each genre, best first. */
const DISPLAY: Record<Genre, FaceRequest[]> = {
  ambient: [face('Grotesk', 500), face('Inter', 300)],
  electronic: [face('Grotesk', 700), face('Unbounded', 800)],
  industrial: [face('Anton', 400), face('Unbounded', 800)],
  metal: [face('Unbounded', 800), face('Anton', 400)],
  bass: [face('Anton', 400), face('Unbounded', 800)],
  lofi: [face('DM Serif', 400, true), face('Playfair', 400, true)],
  jazz: [face('DM Serif', 400, true), face('Playfair', 400, true)],
  latin: [face('Playfair', 400, true), face('DM Serif', 400, true)],
  folk: [face('DM Serif', 400), face('Cormorant', 700)],
  country: [face('Rye', 400), face('DM Serif', 400)],
  pop: [face('Unbounded', 800), face('Inter', 800)],
  punk: [face('Marker', 400), face('Anton', 400)],
  classical: [face('Cormorant', 500), face('Playfair', 400, true)],
  soul: [face('DM Serif', 400), face('Playfair', 900)],
  world: [face('Playfair', 700), face('DM Serif', 400)],
  kids: [face('Fredoka', 600), face('Unbounded', 800)],
  synthwave: [face('Unbounded', 800), face('Grotesk', 700)],
  unknown: [face('Grotesk', 700), face('Inter', 800)],
};

const SERIF_GENRES: readonly Genre[] = [
  'lofi',
  'jazz',
  'latin',
  'folk',
  'country',
  'classical',
  'soul',
  'world',
];

export function displayFaces(genre: Genre): FaceRequest[] {
  const tail = SERIF_GENRES.includes(genre) ? SERIF_TAIL : SANS_TAIL;
  return [...DISPLAY[genre], ...tail];
}

/** A quiet face for artist names and labels, matched to the headline. */
export function supportFaces(genre: Genre, weight = 500): FaceRequest[] {
  if (SERIF_GENRES.includes(genre))
    return [
      face('Cormorant', weight >= 600 ? 700 : 500),
      face('Inter', weight),
    ];
  return [face('Inter', weight)];
}

export function monoFaces(weight = 400): FaceRequest[] {
  return [face('Mono', weight), face('Inter', weight >= 600 ? 800 : 500)];
}

export function handFaces(): FaceRequest[] {
  return [face('Caveat', 700), face('Marker', 400), face('Inter', 500)];
}

export function faceOf(
  family: string,
  weight: number,
  italic = false,
): FaceRequest {
  return face(family, weight, italic);
}

export function isSerifGenre(genre: Genre): boolean {
  return SERIF_GENRES.includes(genre);
}

import type { Genre } from './genres.js';
import type { Motif } from './motifs.js';
import type { TrackReading } from './read-track.js';

/** A picture for a track whose words suggest none. */
const GENRE_MOTIF: Record<Genre, Motif> = {
  ambient: 'space',
  electronic: 'space',
  industrial: 'machine',
  metal: 'fire',
  bass: 'storm',
  lofi: 'light',
  jazz: 'moon',
  latin: 'sun',
  folk: 'mountain',
  country: 'desert',
  pop: 'heart',
  punk: 'storm',
  classical: 'moon',
  soul: 'church',
  world: 'sun',
  kids: 'sun',
  synthwave: 'city',
  unknown: 'stars',
};

/** The one motif a cover should show if it shows one. */
export function leadMotif(reading: TrackReading): Motif {
  return reading.motifs[0] ?? GENRE_MOTIF[reading.genre];
}

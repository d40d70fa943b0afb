import type { AudioFeatures } from '../../../src/audio/index.js';
import { PITCH_CLASSES } from '../../../src/audio/key.js';

/**
 * Two tempo readings agree when they are within 4 % of each other, or of
 * double or half the other (the same pulse counted at another level).
 */
export function isSameTempo(a: number, b: number): boolean {
  return [1, 2, 0.5].some((factor) => Math.abs((a * factor) / b - 1) <= 0.04);
}

type Key = Pick<AudioFeatures, 'key' | 'mode'>;

/**
 * Two key readings agree when they are the same key, or closely related:
 * the same tonic in the other mode (parallel), the relative major/minor
 * (same key signature), or tonics a fifth apart (neighbours on the circle
 * of fifths, the commonest confusion of profile matching).
 */
export function isNeighbourKey(a: Key, b: Key): boolean {
  const tonicA = PITCH_CLASSES.indexOf(a.key);
  const tonicB = PITCH_CLASSES.indexOf(b.key);
  const interval = (tonicB - tonicA + 12) % 12;
  if (interval === 0 || interval === 5 || interval === 7) return true;
  if (a.mode === b.mode) return false;
  // Relative: the minor tonic lies three semitones under the major one.
  return a.mode === 'major' ? interval === 9 : interval === 3;
}

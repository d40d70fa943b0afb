import { readTrack, type TrackReading } from './reading/read-track.js';
import { rankStyles } from './choose-styles.js';
import type { CoverInput } from './types.js';

/** The engine's reading of a track, with the styles it would pick. */
export interface TrackDescription extends TrackReading {
  /** Style ids, best suited first. */
  styleRanking: string[];
}

export function describeTrack(input: CoverInput): TrackDescription {
  const reading = readTrack(input);
  return {
    ...reading,
    styleRanking: rankStyles(reading).map((r) => r.style.info.id),
  };
}

import { createRandom, hashString } from './random.js';
import { readTrack, type TrackReading } from './reading/read-track.js';
import { STYLE_REGISTRY } from './styles/registry.js';
import type { CoverStyle } from './styles/style.js';
import type { CoverInput } from './types.js';

/** Styles scoring below this are never offered for the track. */
const UNSUITED = 0.12;
/** How many of the best-suited styles the variations cycle through. */
const SHORTLIST = 6;

interface RankedStyle {
  style: CoverStyle;
  score: number;
}

/**
 * Ranks styles for a track: each style's own judgement of the reading plus
 * a small seeded nudge, so two tracks of one genre do not always get the
 * same pair.
 */
export function rankStyles(reading: TrackReading): RankedStyle[] {
  const rng = createRandom(hashString('rank', reading.seed));
  return STYLE_REGISTRY.map((style) => ({
    style,
    score: style.suitability(reading) + rng.range(0, 0.1),
  }))
    .filter((entry) => entry.score >= UNSUITED)
    .sort(
      (a, b) =>
        b.score - a.score || a.style.info.id.localeCompare(b.style.info.id),
    );
}

/**
 * Two different style ids for a track, best suited first. The two never
 * share a kind of picture. Variation 0 is the best pair; each further
 * variation walks the other pairs of the shortlist, best first, and wraps.
 */
export function chooseStyles(
  input: CoverInput,
  variation = 0,
): [string, string] {
  const ranked = rankStyles(readTrack(input)).slice(0, SHORTLIST);
  const pairs: { ids: [string, string]; score: number }[] = [];
  ranked.forEach((a, i) => {
    ranked.slice(i + 1).forEach((b) => {
      if (a.style.kind === b.style.kind) return;
      pairs.push({
        ids: [a.style.info.id, b.style.info.id],
        score: a.score + b.score,
      });
    });
  });
  pairs.sort((p, q) => q.score - p.score);
  const index = Math.abs(Math.trunc(variation)) % Math.max(1, pairs.length);
  const pair = pairs[index];
  if (!pair) throw new Error('fewer than two styles suit this track');
  return pair.ids;
}

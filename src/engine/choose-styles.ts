import { createRandom, hashString } from './random.js';
import type { Genre } from './reading/genres.js';
import { readTrack, type TrackReading } from './reading/read-track.js';
import { readStyleCues } from './style-cues.js';
import { STYLE_REGISTRY } from './styles/registry.js';
import type { CoverStyle } from './styles/style.js';
import type { CoverInput } from './types.js';

/** Styles scoring below this are never offered for the track. */
const UNSUITED = 0.12;
/** How many of the best-suited styles the variations cycle through. */
const SHORTLIST = 6;
/**
 * Where every style starts for a track whose words name no genre: the
 * styles' own "unknown" fits (mono and Bauhaus, the safe choices) would
 * give every untagged track the same pair.
 */
const UNTOLD_FIT = 0.5;

interface RankedStyle {
  style: CoverStyle;
  score: number;
  /** The style's own fit for the genre, before cues and the nudge. */
  fit: number;
}

/**
 * Ranks styles for a track: each style's own judgement of the reading
 * (for tags that name several genres, blended by how strongly each is
 * named), what the motifs, mood and recording say (`readStyleCues`), and
 * a seeded nudge, so two tracks of one genre do not always get the same
 * pair. Without a genre the cues and the nudge decide, and weigh more:
 * the track's words, recording and identity spread the choice over all
 * the styles that suit it.
 */
export function rankStyles(reading: TrackReading): RankedStyle[] {
  const rng = createRandom(hashString('rank', reading.seed));
  const told = reading.genre !== 'unknown';
  const cues = readStyleCues(reading);
  const blend = genreBlend(reading);
  const cueWeight = told ? 0.4 : 1;
  // Up to 0.2 lets styles whose fits are that close trade places between
  // tracks of one genre; the untold get the full range of the cues.
  const nudge = told ? 0.2 : 0.32;
  return STYLE_REGISTRY.flatMap((style) => {
    const own = style.suitability(reading);
    // Drawn in the same order for every style, so the nudges stay put.
    const luck = rng.range(0, nudge);
    if (own < UNSUITED) return [];
    const fit = told
      ? blendedFit(style, reading, blend)
      : UNTOLD_FIT + own - genreFit(style, reading);
    const cue = (cues[style.info.id] ?? 0) * cueWeight;
    return [{ style, score: fit + cue + luck, fit }];
  }).sort(
    (a, b) =>
      b.score - a.score || a.style.info.id.localeCompare(b.style.info.id),
  );
}

/**
 * The genres the words name, each with its share: up to three, each at
 * least a quarter as strongly named as the first ("dark electronic,
 * tense, thriller" is industrial with a good part electronic).
 */
function genreBlend(reading: TrackReading): { genre: Genre; share: number }[] {
  const top = reading.genres[0]?.score ?? 0;
  const named = reading.genres
    .filter((g) => g.genre !== 'unknown' && g.score >= top * 0.25)
    .slice(0, 3);
  if (named[0]?.genre !== reading.genre)
    return [{ genre: reading.genre, share: 1 }];
  const total = named.reduce((sum, g) => sum + g.score, 0);
  return named.map((g) => ({ genre: g.genre, share: g.score / total }));
}

function blendedFit(
  style: CoverStyle,
  reading: TrackReading,
  blend: { genre: Genre; share: number }[],
): number {
  return blend.reduce(
    (sum, { genre, share }) =>
      sum + share * style.suitability({ ...reading, genre }),
    0,
  );
}

/**
 * A style's judgement of the genre alone: its suitability for the same
 * reading without motifs, scripts or mood words, so what the words add
 * on top can be kept when the genre's part is set aside.
 */
function genreFit(style: CoverStyle, reading: TrackReading): number {
  return style.suitability({
    ...reading,
    motifs: [],
    scripts: [],
    mood: { valence: 0, arousal: 0, darkness: 0.2, warmth: 0, words: [] },
  });
}

/**
 * How far below the best pair another pair of the same lead style may
 * score and still be drawn as the canonical one. The lead is the style
 * that suits the genre best; its partner is drawn among those within
 * this margin, weighted by how far inside it they are, so a catalogue of
 * one genre does not get one pair for every title (30 industrial titles
 * took poster and Bauhaus 28 times).
 */
const PARTNER_MARGIN = 0.3;

/**
 * A drawn partner must suit the genre in its own right, whatever the cues
 * add: an outrun sunset is no partner for an industrial track. (Styles
 * with no view of a genre fit it at 0.3.)
 */
const PARTNER_MIN_FIT = 0.38;

/** How often a tagged track's partner style is its first image. */
const PARTNER_FIRST_CHANCE = 0.4;

interface StylePair {
  ids: [string, string];
  score: number;
  /** The second style's own fit for the genre. */
  partnerFit: number;
}

/**
 * Two different style ids for a track. The two never share a kind of
 * picture. Variation 0 is the canonical pair: the best style with a
 * partner drawn by the track's seed among the close fits, the partner
 * first for some tracks.
 * Each further variation walks the other pairs of the shortlist, best
 * first, and wraps.
 */
export function chooseStyles(
  input: CoverInput,
  variation = 0,
): [string, string] {
  const reading = readTrack(input);
  const pairs = pairsOf(rankStyles(reading).slice(0, SHORTLIST));
  const { canonical, partnerFirst } = drawCanonical(pairs, reading);
  const walk = [canonical, ...pairs.filter((pair) => pair !== canonical)];
  const index = Math.abs(Math.trunc(variation)) % Math.max(1, walk.length);
  const pair = walk[index];
  if (!pair) throw new Error('fewer than two styles suit this track');
  const [lead, partner] = pair.ids;
  return index === 0 && partnerFirst ? [partner, lead] : pair.ids;
}

/** Every pair of two kinds of picture, best first. */
function pairsOf(ranked: RankedStyle[]): StylePair[] {
  const pairs: StylePair[] = [];
  ranked.forEach((a, i) => {
    ranked.slice(i + 1).forEach((b) => {
      if (a.style.kind === b.style.kind) return;
      pairs.push({
        ids: [a.style.info.id, b.style.info.id],
        score: a.score + b.score,
        partnerFit: b.fit,
      });
    });
  });
  return pairs.sort((p, q) => q.score - p.score);
}

/**
 * The best pair, or for a track whose words name a genre, its lead with a
 * partner drawn among the close fits, and whether the partner shows first. Untagged tracks are spread by their
 * wider nudge already, and their cues (a motif the partner can show) must
 * keep their say.
 */
function drawCanonical(
  pairs: StylePair[],
  reading: TrackReading,
): { canonical: StylePair | undefined; partnerFirst: boolean } {
  const best = pairs[0];
  if (!best || reading.genre === 'unknown') {
    return { canonical: best, partnerFirst: false };
  }
  const floor = best.score - PARTNER_MARGIN;
  const close = pairs.filter(
    (pair) =>
      pair === best ||
      (pair.ids[0] === best.ids[0] &&
        pair.score > floor &&
        pair.partnerFit >= PARTNER_MIN_FIT),
  );
  const weights = close.map((pair) => pair.score - floor);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const rng = createRandom(hashString('partner', reading.seed));
  let ticket = rng.next() * total;
  const drawn = close.find((_, i) => (ticket -= weights[i] ?? 0) < 0) ?? best;
  // Most clients show the first image only: for some tracks the partner
  // comes first, or a genre's catalogue shows its lead style every time.
  return { canonical: drawn, partnerFirst: rng.chance(PARTNER_FIRST_CHANCE) };
}

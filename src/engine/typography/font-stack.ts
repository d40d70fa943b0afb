import {
  DISPLAY_FAMILIES,
  FALLBACK_FAMILIES,
  LATIN_FALLBACK,
  SCRIPT_FALLBACKS,
  SYMBOL_FALLBACKS,
  faceName,
  weightsOf,
} from '../fonts/font-catalog.js';
import { rangesContain } from '../fonts/read-cmap.js';
import {
  ensureFaceRegistered,
  familyCoverage,
} from '../fonts/register-fonts.js';
import { detectScripts } from '../reading/scripts.js';
import { graphemes } from '../../util/graphemes.js';

/** A face a style asks for: a shipped family at a weight. */
export interface FaceRequest {
  family: string;
  weight: number;
  italic?: boolean;
}

/**
 * Display faces that come in one cut look heavier than their nominal
 * weight; a fallback (for a script the face lacks) matches the look, so
 * a Japanese title under Anton is set in a black, not a regular, cut.
 */
const APPARENT_WEIGHT: Readonly<Record<string, number>> = {
  'Sleeve Anton': 900,
  'Sleeve Marker': 800,
  'Sleeve Rye': 800,
  'Sleeve DM Serif': 600,
  'Sleeve Caveat': 600,
  'Sleeve Fredoka': 700,
};

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Component}/u;
const IGNORABLE = /[\s\p{P}\p{S}\u200d\ufe0f]/u;

/** The code points a face must have to set this text by itself. */
function requiredCodePoints(text: string): number[] {
  return [...text]
    .filter((ch) => !IGNORABLE.test(ch) && !PICTOGRAPHIC.test(ch))
    .map((ch) => ch.codePointAt(0) ?? 0);
}

export function familyCovers(family: string, text: string): boolean {
  const ranges = familyCoverage(family);
  return requiredCodePoints(text).every((cp) => rangesContain(ranges, cp));
}

function nearestFace(family: string, weight: number, italic = false): string {
  const weights = weightsOf(family, italic);
  const pool = weights.length > 0 ? weights : weightsOf(family, false);
  const best = [...pool].sort(
    (a, b) => Math.abs(a - weight) - Math.abs(b - weight) || b - a,
  )[0];
  if (best === undefined) throw new Error(`no cuts of ${family}`);
  return faceName(family, best, weights.length > 0 && italic);
}

/**
 * The font-family list for a text: the first requested face that has all
 * the text's letters leads (so a Cyrillic title gets a display face that
 * really has Cyrillic), followed by the Latin fallback and, for each
 * character the lead lacks, the first shipped fallback that has it (tried
 * in an order set by the scripts present), so Skia never reaches for a
 * host font. Fallbacks not yet registered are registered now.
 */
export function fontStack(
  requests: readonly FaceRequest[],
  text: string,
): string[] {
  const first = requests[0];
  if (!first) throw new Error('a text needs at least one face');
  const lead = requests.find((r) => familyCovers(r.family, text)) ?? first;
  const weight = APPARENT_WEIGHT[lead.family] ?? lead.weight;
  const stack = [
    nearestFace(lead.family, lead.weight, lead.italic),
    ...fallbacksFor(text, lead.family).map((f) => nearestFace(f, weight)),
  ];
  const faces = [...new Set(stack)];
  faces.forEach(ensureFaceRegistered);
  return faces;
}

function fallbacksFor(text: string, leadFamily: string): string[] {
  const candidates = [
    ...new Set([
      LATIN_FALLBACK,
      ...detectScripts(text).flatMap((s) => SCRIPT_FALLBACKS[s] ?? []),
      ...SYMBOL_FALLBACKS,
      ...FALLBACK_FAMILIES,
    ]),
  ];
  const lead = familyCoverage(leadFamily);
  const needed = new Set([LATIN_FALLBACK]);
  for (const code of drawnCodePoints(text)) {
    if (rangesContain(lead, code)) continue;
    const family = candidates.find((f) =>
      rangesContain(familyCoverage(f), code),
    );
    if (family) needed.add(family);
  }
  return candidates.filter((family) => needed.has(family));
}

/** Characters that draw nothing of their own: spaces, joiners, selectors. */
const INVISIBLE = /[\s\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

function drawnCodePoints(text: string): number[] {
  return [...text]
    .filter((ch) => !INVISIBLE.test(ch))
    .map((ch) => ch.codePointAt(0) ?? 0);
}

const drawable = new Map<number, boolean>();

/** Whether any shipped face has a glyph for a code point. */
function isDrawable(code: number): boolean {
  const known = drawable.get(code);
  if (known !== undefined) return known;
  const families = [LATIN_FALLBACK, ...FALLBACK_FAMILIES, ...DISPLAY_FAMILIES];
  const found = families.some((f) => rangesContain(familyCoverage(f), code));
  drawable.set(code, found);
  return found;
}

/**
 * The text without the characters no shipped face can draw (Runic, say):
 * they would come out as empty boxes, or in whatever face the host has.
 * Whole graphemes go, so no mark is left without its letter.
 */
export function drawableText(text: string): string {
  let kept = '';
  for (const segment of graphemes(text)) {
    if (drawnCodePoints(segment).every(isDrawable)) kept += segment;
  }
  return kept === text ? text : kept.replace(/\s+/gu, ' ').trim();
}

/** A canvas font string; sizes are in the 1000-unit cover space. */
export function fontString(size: number, stack: readonly string[]): string {
  return `${size.toFixed(2)}px ${stack.map((face) => `"${face}"`).join(', ')}`;
}

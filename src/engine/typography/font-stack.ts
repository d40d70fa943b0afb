import {
  FALLBACK_FAMILIES,
  faceName,
  weightsOf,
} from '../fonts/font-catalog.js';
import { rangesContain } from '../fonts/read-cmap.js';
import { familyCoverage } from '../fonts/register-fonts.js';
import { detectScripts } from '../reading/scripts.js';

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
 * really has Cyrillic), followed by the shipped fallbacks in an order set by
 * the scripts present, so Skia never reaches for a host font.
 */
export function fontStack(
  requests: readonly FaceRequest[],
  text: string,
): string[] {
  const first = requests[0];
  if (!first) throw new Error('a text needs at least one face');
  const lead = requests.find((r) => familyCovers(r.family, text)) ?? first;
  const weight = APPARENT_WEIGHT[lead.family] ?? lead.weight;
  const scripts = detectScripts(text);
  const cjk =
    scripts.includes('hangul') && !scripts.includes('japanese')
      ? [FALLBACK_FAMILIES.korean, FALLBACK_FAMILIES.japanese]
      : [FALLBACK_FAMILIES.japanese, FALLBACK_FAMILIES.korean];
  const families = [
    FALLBACK_FAMILIES.latin,
    ...cjk,
    FALLBACK_FAMILIES.arabic,
    FALLBACK_FAMILIES.emoji,
  ];
  const stack = [
    nearestFace(lead.family, lead.weight, lead.italic),
    ...families.map((family) => nearestFace(family, weight)),
  ];
  return [...new Set(stack)];
}

/** A canvas font string; sizes are in the 1000-unit cover space. */
export function fontString(size: number, stack: readonly string[]): string {
  return `${size.toFixed(2)}px ${stack.map((face) => `"${face}"`).join(', ')}`;
}

import { HYPHEN_POINT } from './break-units.js';

/**
 * Splits units into exactly n lines so the widest line is as narrow as it
 * can be (ties go to the split with the most even lines). This is what
 * makes a wrapped title look set by hand rather than filled greedily.
 * `width(from, to)` is the width of the line made of units [from, to).
 */
export function balanceLines(
  units: readonly string[],
  n: number,
  width: (from: number, to: number) => number,
): string[] {
  const count = units.length;
  const lines = Math.min(n, count);
  type Best = { worst: number; spread: number; cuts: number[] };
  const memo = new Map<number, Best>();

  const solve = (start: number, left: number): Best => {
    const key = start * 64 + left;
    const cached = memo.get(key);
    if (cached) return cached;
    let best: Best = { worst: Infinity, spread: Infinity, cuts: [] };
    if (left === 1) {
      const w = width(start, count);
      best = { worst: w, spread: w * w, cuts: [] };
    } else {
      for (let end = start + 1; end <= count - left + 1; end++) {
        const w = width(start, end);
        // Lines only widen as units are added, so no longer first line
        // can beat the best found.
        if (w > best.worst + 1e-6) break;
        const rest = solve(end, left - 1);
        const worst = Math.max(w, rest.worst);
        const spread = rest.spread + w * w;
        if (
          worst < best.worst - 1e-6 ||
          (Math.abs(worst - best.worst) < 1e-6 && spread < best.spread)
        ) {
          best = { worst, spread, cuts: [end, ...rest.cuts] };
        }
      }
    }
    memo.set(key, best);
    return best;
  };

  const cuts = [0, ...solve(0, lines).cuts, count];
  return cuts
    .slice(0, -1)
    .map((from, i) => lineOf(units, from, cuts[i + 1] ?? count));
}

/**
 * The text of the line made of units [from, to): trimmed, with a hyphen
 * where it ends inside a word that was broken at a hyphen point.
 */
export function lineOf(
  units: readonly string[],
  from: number,
  to: number,
): string {
  const line = units.slice(from, to).join('').trim();
  const hyphenated = line.endsWith(HYPHEN_POINT) ? `${line}-` : line;
  return hyphenated.replaceAll(HYPHEN_POINT, '');
}

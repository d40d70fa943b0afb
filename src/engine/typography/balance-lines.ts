/**
 * Splits units into exactly n lines so the widest line is as narrow as it
 * can be (ties go to the split with the most even lines). This is what
 * makes a wrapped title look set by hand rather than filled greedily.
 */
export function balanceLines(
  units: readonly string[],
  n: number,
  measure: (line: string) => number,
): string[] {
  const count = units.length;
  const lines = Math.min(n, count);
  const width = (from: number, to: number): number =>
    measure(units.slice(from, to).join('').trim());
  type Best = { worst: number; spread: number; cuts: number[] };
  const memo = new Map<string, Best>();

  const solve = (start: number, left: number): Best => {
    const key = `${start}:${left}`;
    const cached = memo.get(key);
    if (cached) return cached;
    let best: Best = { worst: Infinity, spread: Infinity, cuts: [] };
    if (left === 1) {
      const w = width(start, count);
      best = { worst: w, spread: w * w, cuts: [] };
    } else {
      for (let end = start + 1; end <= count - left + 1; end++) {
        const w = width(start, end);
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
  return cuts.slice(0, -1).map((from, i) =>
    units
      .slice(from, cuts[i + 1])
      .join('')
      .trim(),
  );
}

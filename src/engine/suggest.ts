// "Did you mean ...?" for configuration keys and rule ids: a misspelt key must fail loudly and
// point at the right spelling, because a silently ignored one switches a check off.

/**
 * Optimal-string-alignment distance (Levenshtein plus the swap of two neighbours, the commonest
 * typing slip), case-insensitive: 'maxissues' is as close to 'maxIssues' as can be.
 */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return a === b ? 0 : 0.5;
  // rows[i][j]: distance between the first i characters of s and the first j of t.
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i]!;
    const previous = rows[i - 1]!;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/**
 * The candidate closest to `name`, if it is close enough to be the one meant: at most one edit
 * per three characters of the longer word (at least one edit), so 'rule' finds 'rules' and
 * 'tokenIdentifiesDevic' finds 'tokenIdentifiesDevice', while 'foo' finds nothing. Ties go to the
 * candidate listed first.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const limit = Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3));
    const d = distance(name, candidate);
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

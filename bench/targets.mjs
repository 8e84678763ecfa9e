// The targets `npm run bench` measures (issues 9 and 12), each printed with its figure where it is
// measured and listed together at the end of the run (bench/run.mjs).

const rows = [];

/**
 * Records a target: `value` against `limit` (`<=` or `>=`). `unit` 'x' for ratios, else printed after the value.
 * Returns the line, also printed at once.
 */
export function target(what, value, direction, limit, unit = 'x') {
  const met = direction === '<=' ? value <= limit : value >= limit;
  const figure = unit === 'x' ? `${value.toFixed(2)}x` : `${value.toFixed(1)} ${unit}`;
  const line = `  ${what.padEnd(58)} ${figure.padStart(8)}  ${direction} ${unit === 'x' ? `${limit}x` : `${limit} ${unit}`}  ${met ? 'met' : 'NOT met'}`;
  rows.push(line);
  console.log(line);
  return line;
}

/** Every target recorded so far, one per line. */
export function targetSummary() {
  return rows.join('\n');
}

/** Expected run times in words: rounded as far as an estimate deserves. */

/**
 * A duration for an estimate, rounded to what it can promise: whole seconds under a minute ("28 s"),
 * then 10 s steps under 10 minutes ("2 min 10 s"), whole minutes under an hour ("14 min"), then
 * hours and 5-minute steps ("1 h 25 min"); "under 1 s" below half a second.
 */
export function roughDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 0.5) return 'under 1 s';
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  if (seconds < 595) {
    const tens = Math.round(seconds / 10) * 10;
    const m = Math.floor(tens / 60);
    const s = tens % 60;
    return s === 0 ? `${m} min` : `${m} min ${s} s`;
  }
  if (seconds < 3570) return `${Math.round(seconds / 60)} min`;
  const fives = Math.round(seconds / 300) * 5;
  const h = Math.floor(fives / 60);
  const m = fives % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Milliseconds per unit for a table: "0.41 ms" under 10 ms, "132 ms", "2.1 s". */
export function unitMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toPrecision(2)} ms`;
}

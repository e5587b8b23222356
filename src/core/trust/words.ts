/** How the trust warnings write their numbers. */

/** An accuracy in [0, 1] as a percentage with one decimal, e.g. "10.5%". */
export function percent(accuracy: number): string {
  return `${(100 * accuracy).toFixed(1)}%`;
}

/** A difference of accuracies as percentage points with one decimal, e.g. "78.9 points". */
export function points(difference: number): string {
  return `${(100 * difference).toFixed(1)} points`;
}

/** `n` and the noun, plural unless n is 1, e.g. "1 epoch", "4 epochs". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

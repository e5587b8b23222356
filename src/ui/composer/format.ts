/** Number formats of the composer: exact counts with digit groups, and short forms of large values. */

/** An exact integer with comma digit groups: 15625 -> "15,625". */
export function groupDigits(n: bigint | number): string {
  const text = typeof n === 'bigint' ? n.toString() : String(Math.round(n));
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** Scientific notation with 3 significant digits ("1.08e+18"), or null below a million where the exact count reads well. */
export function scientific(n: bigint | number): string | null {
  const value = Number(n);
  return Math.abs(value) >= 1e6 ? value.toExponential(2) : null;
}

/** A count in short form for cost figures: "812", "12.3 k", "4.56 M", "1.20 G". */
export function shortCount(n: number): string {
  const units: readonly [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(n) >= size) return `${(n / size).toPrecision(3)} ${unit}`;
  }
  return String(Math.round(n));
}

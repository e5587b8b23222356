/** Numbers as people read them: whole numbers with thousands separators, however large. */

/** `n` with thousands separators: 15625 → "15,625"; works for bigints past 2^53 too. */
export function groupDigits(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isInteger(n)) return n.toLocaleString('en-US');
  const text = BigInt(n).toString();
  const sign = text.startsWith('-') ? '-' : '';
  const digits = sign === '' ? text : text.slice(1);
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Number checks shared by the validators: each returns a Problem with a plain sentence, or null when the value is fine. */
import type { Problem } from './problems';

/** An allowed numeric range: optional bounds (inclusive unless marked exclusive) and whether only whole numbers are allowed. */
export interface NumberRule {
  readonly integer?: boolean;
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
}

/** Prints a value inside "(got ...)": numbers as JavaScript prints them, anything else as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

/** Describes a rule in words, e.g. "a whole number from 1 to 500" or "greater than 0 and at most 10". */
export function describeRule(rule: NumberRule): string {
  const { min, max } = rule;
  if (
    rule.integer &&
    min !== undefined &&
    max !== undefined &&
    !rule.minExclusive &&
    !rule.maxExclusive
  ) {
    return `a whole number from ${min} to ${max}`;
  }
  const parts: string[] = [];
  if (min !== undefined) parts.push(rule.minExclusive ? `greater than ${min}` : `at least ${min}`);
  if (max !== undefined) parts.push(rule.maxExclusive ? `less than ${max}` : `at most ${max}`);
  const range = parts.join(' and ');
  if (rule.integer) return range ? `a whole number of ${range}` : 'a whole number';
  return range || 'a finite number';
}

/**
 * Checks `value` against `rule`. The message names only the broken bound, e.g. "Weight learning rate
 * must be greater than 0 (got -0.1)." (whole-number ranges name both ends).
 */
export function checkNumber(
  path: string,
  label: string,
  value: unknown,
  rule: NumberRule,
): Problem | null {
  const got = `(got ${shown(value)})`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return {
      path,
      code: 'not-finite',
      message: `${label} must be ${rule.integer ? describeRule(rule) : 'a finite number'} ${got}.`,
    };
  }
  const wholeRange =
    rule.integer &&
    rule.min !== undefined &&
    rule.max !== undefined &&
    !rule.minExclusive &&
    !rule.maxExclusive;
  if (rule.integer && !Number.isInteger(value)) {
    return { path, code: 'not-integer', message: `${label} must be ${describeRule(rule)} ${got}.` };
  }
  const { min, max } = rule;
  if (min !== undefined && (rule.minExclusive ? value <= min : value < min)) {
    const text = wholeRange
      ? describeRule(rule)
      : describeRule({ integer: rule.integer, min, minExclusive: rule.minExclusive });
    return { path, code: 'too-small', message: `${label} must be ${text} ${got}.` };
  }
  if (max !== undefined && (rule.maxExclusive ? value >= max : value > max)) {
    const text = wholeRange
      ? describeRule(rule)
      : describeRule({ integer: rule.integer, max, maxExclusive: rule.maxExclusive });
    return { path, code: 'too-large', message: `${label} must be ${text} ${got}.` };
  }
  return null;
}

/** Runs `checkNumber` and collects the problem, if any, into `out`. */
export function pushCheck(
  out: Problem[],
  path: string,
  label: string,
  value: unknown,
  rule: NumberRule,
): void {
  const p = checkNumber(path, label, value, rule);
  if (p) out.push(p);
}

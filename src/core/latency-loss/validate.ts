/** Validation of a latency-aware loss: the form, the target and the form's coefficients, in plain words. */
import { pushCheck, shown, type NumberRule } from '../checks';
import type { Problem } from '../problems';
import { LATENCY_FORMS, type LatencyLossSpec } from './spec';

/** The ranges the studio accepts. */
export const LATENCY_LOSS_LIMITS = {
  /** Above 1 µs, so the log of the target in µs is positive; at most 100 s. */
  targetMs: { min: 0.001, minExclusive: true, max: 100_000 },
  alpha: { min: 0, minExclusive: true, max: 100 },
  beta: { min: 0, minExclusive: true, max: 10 },
  lambda: { min: 0, minExclusive: true, max: 100 },
} as const satisfies Record<string, NumberRule>;

/** Every problem of `l`, with paths under `path` (e.g. 'strategy.latency'); an 'off' term is not checked further. */
export function validateLatencyLoss(l: LatencyLossSpec | undefined, path: string): Problem[] {
  if (l === undefined || l === null || typeof l !== 'object')
    return [
      {
        path,
        code: 'missing',
        message: `The latency loss needs a form ('off' for none), a target in ms and its coefficients (got ${shown(l)}).`,
      },
    ];
  if (!(LATENCY_FORMS as readonly unknown[]).includes(l.form))
    return [
      {
        path: `${path}.form`,
        code: 'out-of-range',
        message: `The latency loss form must be one of ${LATENCY_FORMS.map((f) => `'${f}'`).join(', ')} (got ${shown(l.form)}).`,
      },
    ];
  if (l.form === 'off') return [];
  const out: Problem[] = [];
  // FBNet's form has no target, but the run draws it beside the expected latency.
  pushCheck(
    out,
    `${path}.targetMs`,
    'Target latency (ms)',
    l.targetMs,
    LATENCY_LOSS_LIMITS.targetMs,
  );
  if (l.form === 'add#linear')
    pushCheck(out, `${path}.lambda`, 'Latency weight λ', l.lambda, LATENCY_LOSS_LIMITS.lambda);
  else {
    pushCheck(out, `${path}.alpha`, 'Latency scale α', l.alpha, LATENCY_LOSS_LIMITS.alpha);
    pushCheck(out, `${path}.beta`, 'Latency exponent β', l.beta, LATENCY_LOSS_LIMITS.beta);
  }
  return out;
}

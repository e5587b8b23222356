/**
 * The latency-loss flags of `run`: `--latency-target <ms>` and `--latency-form <form>`, applied to
 * the strategy of a differentiable search (one whose spec has a latency loss, e.g. darts).
 */
import type { ExperimentSpec, StrategySpec } from '../core/experiment/spec';
import {
  LATENCY_FORMS,
  withLatencyForm,
  type LatencyForm,
  type LatencyLossSpec,
} from '../core/latency-loss/spec';
import { optionValue, type ParsedArgs } from './args';
import { withOverrides, type ExperimentSource } from './experiment-source';

/** The flags' names (without dashes). */
export const LATENCY_FLAGS = ['latency-target', 'latency-form'] as const;

/** The flags' help lines. */
export const LATENCY_OPTIONS: readonly [string, string][] = [
  [
    '--latency-target <ms>',
    'Differentiable search (darts, gdas, pc-darts): add the latency-aware loss with this target, ms per example on this device’s lookup table (form mul#log unless --latency-form or the spec names one).',
  ],
  [
    '--latency-form <form>',
    `The latency loss form: ${LATENCY_FORMS.join(', ')} (the coefficients take the form’s paper defaults).`,
  ],
];

/** What the flags ask for: a target and a form, each null when not given. */
export interface LatencyRequest {
  readonly targetMs: number | null;
  readonly form: LatencyForm | null;
}

/** The flags read from `args`, or the problem with them. */
export function readLatencyFlags(args: ParsedArgs): LatencyRequest | { readonly problem: string } {
  const target = optionValue(args, 'latency-target');
  const form = optionValue(args, 'latency-form');
  let targetMs: number | null = null;
  if (target !== null) {
    targetMs = Number(target);
    if (target.trim() === '' || !Number.isFinite(targetMs) || targetMs <= 0)
      return { problem: `--latency-target must be a number of ms above 0 (got "${target}").` };
  }
  if (form !== null && !(LATENCY_FORMS as readonly string[]).includes(form))
    return {
      problem: `--latency-form must be one of ${LATENCY_FORMS.join(', ')} (got "${form}").`,
    };
  return { targetMs, form: form as LatencyForm | null };
}

/** A strategy that has a latency loss. */
type LatencyStrategy = Extract<StrategySpec, { readonly latency: LatencyLossSpec }>;

/** Whether `s` has a latency loss. */
function hasLatency(s: StrategySpec): s is LatencyStrategy {
  return 'latency' in s;
}

/**
 * `spec` with the requested latency loss (a target alone turns on mul#log unless the spec already
 * has a form on), validated as the studio validates a spec; refused for a strategy without one.
 */
export function withLatencyRequest(spec: ExperimentSpec, req: LatencyRequest): ExperimentSource {
  if (req.targetMs === null && req.form === null) return { ok: true, spec };
  const s = spec.strategy;
  if (!hasLatency(s))
    return {
      ok: false,
      problems: [
        `--latency-target and --latency-form apply to differentiable search (darts, gdas, pc-darts); this experiment runs ${s.kind}.`,
      ],
    };
  const form: LatencyForm = req.form ?? (s.latency.form === 'off' ? 'mul#log' : s.latency.form);
  const latency: LatencyLossSpec = {
    ...withLatencyForm(s.latency, form),
    ...(req.targetMs === null ? {} : { targetMs: req.targetMs }),
  };
  return withOverrides({ ...spec, strategy: { ...s, latency } }, { seed: null, epochs: null });
}

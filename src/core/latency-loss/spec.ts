/**
 * The latency-aware loss of a differentiable search (ProxylessNAS, FBNet) as plain data: its form,
 * the target latency and the form's coefficients, with the papers' defaults.
 */

/**
 * How the expected latency enters the alpha loss. `off`: not at all. ProxylessNAS's two forms:
 * `mul#log` (CE · α · (log E[LAT] / log T)^β) and `add#linear` (CE + λ · (E[LAT] − T) / T).
 * `fbnet`: FBNet's CE · α · (log E[LAT])^β, which has no target.
 */
export type LatencyForm = 'off' | 'mul#log' | 'add#linear' | 'fbnet';

/** The forms in the order the form lists them. */
export const LATENCY_FORMS: readonly LatencyForm[] = ['off', 'mul#log', 'add#linear', 'fbnet'];

/** The latency term of a differentiable search's alpha loss. */
export interface LatencyLossSpec {
  readonly form: LatencyForm;
  /** The target (reference) latency T, ms per example on this device's lookup table. */
  readonly targetMs: number;
  /** The multiplicative forms' scale α (mul#log, fbnet). */
  readonly alpha: number;
  /** The multiplicative forms' exponent β (mul#log, fbnet). */
  readonly beta: number;
  /** add#linear's weight λ. */
  readonly lambda: number;
}

/** The coefficients of each form at its paper's defaults (ProxylessNAS's arch-search flags; FBNet's α = 0.2, β = 0.6). */
export const LATENCY_FORM_DEFAULTS: Readonly<
  Record<LatencyForm, Pick<LatencyLossSpec, 'alpha' | 'beta' | 'lambda'>>
> = {
  off: { alpha: 0.2, beta: 0.3, lambda: 0.1 },
  'mul#log': { alpha: 0.2, beta: 0.3, lambda: 0.1 },
  'add#linear': { alpha: 0.2, beta: 0.3, lambda: 0.1 },
  fbnet: { alpha: 0.2, beta: 0.6, lambda: 0.1 },
};

/** The target a new latency term starts from, ms per example (the user sets it from the table's scale). */
export const DEFAULT_TARGET_MS = 1;

/** No latency term: what specs, links and run files saved before it existed read back as. */
export const LATENCY_OFF: LatencyLossSpec = {
  form: 'off',
  targetMs: DEFAULT_TARGET_MS,
  ...LATENCY_FORM_DEFAULTS.off,
};

/** Display names of the forms. */
export const LATENCY_FORM_LABELS: Readonly<Record<LatencyForm, string>> = {
  off: 'Off',
  'mul#log': 'ProxylessNAS mul#log',
  'add#linear': 'ProxylessNAS add#linear',
  fbnet: 'FBNet',
};

/** True when the term is part of the loss. */
export function latencyOn(l: LatencyLossSpec): boolean {
  return l.form !== 'off';
}

/** True when form `form` reads the target (FBNet's has none). */
export function formUsesTarget(form: LatencyForm): boolean {
  return form === 'mul#log' || form === 'add#linear';
}

/** `l` switched to form `form`, its coefficients reset to that form's defaults (the target kept); unchanged when already that form. */
export function withLatencyForm(l: LatencyLossSpec, form: LatencyForm): LatencyLossSpec {
  if (l.form === form) return l;
  return { ...l, form, ...LATENCY_FORM_DEFAULTS[form] };
}

/** The term in a few words for a run's label ("mul#log, T = 2 ms"); empty when off. */
export function latencyLabel(l: LatencyLossSpec): string {
  if (!latencyOn(l)) return '';
  return formUsesTarget(l.form) ? `${l.form}, T = ${l.targetMs} ms` : 'FBNet latency loss';
}

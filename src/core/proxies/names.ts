/** The zero-cost proxies the studio computes, and the two cost baselines every paper compares them with. */

/** Proxies computed from one mini-batch at initialisation (Abdelfattah et al. 2021; Mellor et al. 2021). */
export const PROXY_NAMES = [
  'synflow',
  'snip',
  'grad_norm',
  'grasp',
  'fisher',
  'jacob_cov',
  'naswot',
] as const;

/** One zero-cost proxy. */
export type ProxyName = (typeof PROXY_NAMES)[number];

/** Cost baselines: trainable parameters and multiply-accumulates per example (core's cost model). */
export const BASELINE_NAMES = ['params', 'flops'] as const;

/** A proxy or a cost baseline: anything a "which proxy to believe" table ranks. */
export type ScoreName = ProxyName | (typeof BASELINE_NAMES)[number];

/** True when `name` is a proxy. */
export function isProxyName(name: string): name is ProxyName {
  return (PROXY_NAMES as readonly string[]).includes(name);
}

/**
 * Proxies that measure trainability (gradient flow): a cell whose every edge is `none` passes no
 * signal and scores lowest on them. grasp (its sign is a convention) and jacob_cov (of the input
 * gradients' correlation, which is defined without any signal) are left out.
 */
export const TRAINABILITY_PROXIES: readonly ProxyName[] = [
  'synflow',
  'snip',
  'grad_norm',
  'fisher',
];

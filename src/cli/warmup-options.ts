/**
 * The zero-cost warm-up flags of `run`: `--warmup-proxy <proxy | none>` and `--warmup-pool <N>`,
 * applied to a multi-trial experiment searching by evolution.
 */
import type { ExperimentSpec } from '../core/experiment/spec';
import { isProxyName, PROXY_NAMES } from '../core/proxies/names';
import { WARMUP_POOL_DEFAULT, type WarmupProxy } from '../core/strategies/warmup';
import { optionValue, type ParsedArgs } from './args';
import { withOverrides, type ExperimentSource } from './experiment-source';

/** The flags' names (without dashes). */
export const WARMUP_FLAGS = ['warmup-proxy', 'warmup-pool'] as const;

/** The flags' help lines. */
export const WARMUP_OPTIONS: readonly [string, string][] = [
  [
    '--warmup-proxy <proxy>',
    `Multi-trial evolution: score a pool of architectures at initialisation with this zero-cost proxy (${PROXY_NAMES.join(', ')}) and start evolution from the best-scored (none: a random first population, the default).`,
  ],
  [
    '--warmup-pool N',
    `Architectures the warm-up scores (default ${WARMUP_POOL_DEFAULT}, capped by the space's size; at least the population).`,
  ],
];

/** What the flags ask for: a proxy and a pool, each null when not given. */
export interface WarmupRequest {
  readonly proxy: WarmupProxy | null;
  readonly pool: number | null;
}

/** The flags read from `args`, or the problem with them. */
export function readWarmupFlags(args: ParsedArgs): WarmupRequest | { readonly problem: string } {
  const proxy = optionValue(args, 'warmup-proxy');
  const poolText = optionValue(args, 'warmup-pool');
  if (proxy !== null && proxy !== 'none' && !isProxyName(proxy))
    return {
      problem: `--warmup-proxy must be none or one of ${PROXY_NAMES.join(', ')} (got "${proxy}").`,
    };
  let pool: number | null = null;
  if (poolText !== null) {
    pool = Number(poolText);
    if (!/^\d+$/.test(poolText.trim()) || !Number.isSafeInteger(pool) || pool < 1)
      return { problem: `--warmup-pool must be a whole number of at least 1 (got "${poolText}").` };
  }
  return { proxy: proxy as WarmupProxy | null, pool };
}

/**
 * `spec` with the requested warm-up, validated as the studio validates a spec; refused for a
 * strategy other than multi-trial evolution, and for a pool without a proxy to score it.
 */
export function withWarmupRequest(spec: ExperimentSpec, req: WarmupRequest): ExperimentSource {
  if (req.proxy === null && req.pool === null) return { ok: true, spec };
  const s = spec.strategy;
  if (s.kind !== 'multi-trial' || s.search !== 'evolution')
    return {
      ok: false,
      problems: [
        `--warmup-proxy and --warmup-pool apply to multi-trial evolution; this experiment runs ${s.kind === 'multi-trial' ? 'multi-trial random search' : s.kind}.`,
      ],
    };
  const proxy = req.proxy ?? s.warmupProxy;
  if (proxy === 'none' && req.pool !== null)
    return {
      ok: false,
      problems: ['--warmup-pool needs a warm-up proxy: give --warmup-proxy too.'],
    };
  const strategy = {
    ...s,
    warmupProxy: proxy,
    ...(req.pool === null ? {} : { warmupPool: req.pool }),
  };
  return withOverrides({ ...spec, strategy }, { seed: null, epochs: null });
}

/**
 * Scores architectures with the zero-cost proxies: each genotype built as the stand-alone network
 * trainStandalone trains (affine BatchNorm, bare pools, only the genotype's ops), from the same
 * seeded initialisation trainStandalone starts from, on one seeded mini-batch of the training split
 * shared by every architecture; params and FLOPs from core's cost model as the baselines.
 */
import * as tf from '@tensorflow/tfjs';
import { subnetCost } from '../../core/cost/network-cost';
import type { LoadedDataset } from '../../core/experiment/spec';
import type { ProxyName } from '../../core/proxies/names';
import { createRng } from '../../core/random';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { createBatchStream, toDevice } from '../batches';
import { genotypeSpace } from '../standalone';
import { buildSupernet } from '../supernet';
import { fisherScore } from './fisher';
import { gradNormScore } from './grad-norm';
import { graspScore } from './grasp';
import { jacobCovScore } from './jacob-cov';
import { naswotScore } from './naswot';
import { proxyNetwork, type ProxyBatch, type ProxyNetwork } from './network';
import { snipScore } from './snip';
import { synflowScore } from './synflow';

/** One architecture's scores: the baselines and the asked-for proxies (NaN where a proxy is undefined). */
export interface ArchitectureScores {
  readonly params: number;
  readonly flops: number;
  readonly proxies: Partial<Record<ProxyName, number>>;
}

/** How architectures are scored: the initialisation and batch seed, and the batch size. */
export interface ProxyScorerOptions {
  readonly seed: number;
  /** Examples in the mini-batch (capped by the training split's size). */
  readonly batchSize: number;
}

/** The studio's default mini-batch for the proxies (the reference code's 64). */
export const PROXY_BATCH_SIZE = 64;

/** A scorer over one dataset: holds the mini-batch on the device until disposed. */
export interface ProxyScorer {
  /** Scores `genotype` of `space` with `proxies`; everything it allocates is freed before it returns. */
  score(
    space: SearchSpaceSpec,
    genotype: Genotype,
    proxies: readonly ProxyName[],
  ): Promise<ArchitectureScores>;
  dispose(): void;
}

/** Runs one proxy on a built network. */
export function runProxy(
  name: ProxyName,
  net: ProxyNetwork,
  batch: ProxyBatch,
  input: LoadedDataset['input'],
): Promise<number> {
  switch (name) {
    case 'synflow':
      return synflowScore(net, input);
    case 'snip':
      return snipScore(net, batch);
    case 'grad_norm':
      return gradNormScore(net, batch);
    case 'grasp':
      return graspScore(net, batch);
    case 'fisher':
      return fisherScore(net, batch);
    case 'jacob_cov':
      return jacobCovScore(net, batch);
    case 'naswot':
      return naswotScore(net, batch);
  }
}

/** Builds the stand-alone network of `genotype` exactly as trainStandalone does for `seed`, as a ProxyNetwork; the caller disposes it. */
export function buildProxyNetwork(
  space: SearchSpaceSpec,
  genotype: Genotype,
  data: Pick<LoadedDataset, 'input' | 'classes'>,
  seed: number,
): { net: ProxyNetwork; dispose(): void } {
  const { space: own, path } = genotypeSpace(space, genotype);
  const built = buildSupernet(own, data.input, data.classes, createRng(seed).fork(), {
    affine: true,
  });
  return {
    net: proxyNetwork((x) => built.forwardPath(x, path), built.weights),
    dispose: () => built.dispose(),
  };
}

/** A scorer on `data` whose mini-batch is drawn from the training split with `options.seed`. */
export function createProxyScorer(data: LoadedDataset, options: ProxyScorerOptions): ProxyScorer {
  if (data.train.count === 0) throw new Error('Zero-cost proxies need training examples.');
  const rng = createRng(options.seed);
  const host = createBatchStream(
    data.train,
    data.input,
    Math.max(2, options.batchSize),
    rng.fork(),
  ).next();
  const batch = toDevice(host, data.input);
  return {
    async score(space, genotype, proxies) {
      const cost = subnetCost(space, genotype, data.input, data.classes);
      const { net, dispose } = buildProxyNetwork(space, genotype, data, options.seed);
      try {
        const scores: Partial<Record<ProxyName, number>> = {};
        for (const name of proxies) scores[name] = await runProxy(name, net, batch, data.input);
        return { params: cost.params, flops: cost.flops, proxies: scores };
      } finally {
        dispose();
      }
    },
    dispose() {
      tf.dispose([batch.x, batch.y]);
    },
  };
}

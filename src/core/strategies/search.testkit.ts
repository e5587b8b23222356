/** Test-only synthetic objectives and recording hooks for the search loops. */
import { createRng } from '../random';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { genotypeKey } from './genotype-key';
import { genotypePath } from './path';
import type { CostFn, EvaluatedRecord, SearchHooks } from './types';

/**
 * A synthetic accuracy with one best genotype: per edge, a seeded score in [0, 1) for each op
 * (the best op of each edge scores 1), averaged over the kept edges of the path.
 */
export function syntheticAccuracy(space: SearchSpaceSpec, seed: number): (g: Genotype) => number {
  const rng = createRng(seed);
  const table = (edges: SearchSpaceSpec['normal']['edges']) =>
    edges.map((e) => {
      const scores = e.ops.map(() => rng.next() * 0.8);
      scores[rng.int(scores.length)] = 1;
      return scores;
    });
  const normal = table(space.normal.edges);
  const reduce = space.reduce ? table(space.reduce.edges) : [];
  return (g) => {
    const path = genotypePath(space, g);
    const scores = [
      ...path.normal.map((op, i) => (op === null ? null : (normal[i]?.[op] ?? 0))),
      ...(path.reduce ?? []).map((op, i) => (op === null ? null : (reduce[i]?.[op] ?? 0))),
    ].filter((s): s is number => s !== null);
    return scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
  };
}

/** Hooks that answer with `accuracy`, remember every genotype passed to evaluate, and stop when asked. */
export function recordingHooks(
  space: SearchSpaceSpec,
  accuracy: (g: Genotype) => number,
  cost: CostFn,
  seed: number,
  extra: Partial<SearchHooks> = {},
): { hooks: SearchHooks; evaluated: string[]; reported: EvaluatedRecord[] } {
  const evaluated: string[] = [];
  const reported: EvaluatedRecord[] = [];
  const hooks: SearchHooks = {
    evaluate: async (g) => {
      evaluated.push(genotypeKey(space, g));
      await Promise.resolve();
      return { accuracy: accuracy(g) };
    },
    cost,
    rng: createRng(seed),
    onEvaluated: (r) => reported.push(r),
    ...extra,
  };
  return { hooks, evaluated, reported };
}

/** Which architectures a zero-cost run scores: every one of a space of at most ENUMERATE_LIMIT, else a seeded sample of distinct ones. */
import type { Rng } from '../random';
import { genotypeKey } from '../strategies/genotype-key';
import { sampleGenotype } from '../strategies/sample';
import { spaceSize } from '../search-space/size';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { ENUMERATE_LIMIT, enumerateGenotypes } from './enumerate';

/** How many architectures a zero-cost run of `samples` scores in `space`. */
export function zeroCostScoredCount(space: SearchSpaceSpec, samples: number): number {
  const size = spaceSize(space);
  if (size <= BigInt(ENUMERATE_LIMIT)) return Number(size);
  return Math.max(0, Math.floor(samples));
}

/**
 * The architectures a zero-cost run scores, in scoring order: every genotype of a space of at most
 * ENUMERATE_LIMIT (enumerate.ts order), else `samples` distinct ones drawn uniformly with `rng`
 * (a draw already taken is drawn again, up to 50 tries per architecture).
 */
export function zeroCostGenotypes(space: SearchSpaceSpec, samples: number, rng: Rng): Genotype[] {
  if (spaceSize(space) <= BigInt(ENUMERATE_LIMIT)) return enumerateGenotypes(space);
  const n = zeroCostScoredCount(space, samples);
  const seen = new Set<string>();
  const out: Genotype[] = [];
  for (let tries = 0; out.length < n && tries < 50 * n; tries++) {
    const g = sampleGenotype(space, rng);
    const key = genotypeKey(space, g);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(g);
  }
  return out;
}

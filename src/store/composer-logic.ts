/** Pure helpers of the composer: the space's domain, op sets, and the empty space to start from. */
import { datasetInput } from '../core/data/load';
import type { ExperimentSpec } from '../core/experiment/spec';
import { emptySpace as coreEmptySpace, opsForDomain } from '../core/search-space/edits';
export { opsForDomain };
import { OP_NAMES, type OpName } from '../core/search-space/ops';
import type { SearchSpaceSpec } from '../core/search-space/types';

/** What a space's cells take: images (MNIST) or feature vectors (the 2D sets). */
export type SpaceDomain = 'image' | 'vector';

/** The domain the experiment's dataset gives its space. */
export function specDomain(spec: ExperimentSpec): SpaceDomain {
  return datasetInput(spec.dataset).input.kind;
}

/** `ops` with `op` added (registry order kept) or removed. */
export function toggleOp(ops: readonly OpName[], op: OpName): OpName[] {
  const has = ops.includes(op);
  return OP_NAMES.filter((name) => (name === op ? !has : ops.includes(name)));
}

/** The op set new edges get after loading `space`: its first edge's ops, or every op of the domain. */
export function defaultOpsOf(space: SearchSpaceSpec, domain: SpaceDomain): OpName[] {
  const first = space.normal.edges[0]?.ops;
  return first && first.length > 0 ? [...first] : opsForDomain(domain);
}

/**
 * A space with one empty 1-input cell and the current macro skeleton; the reduction between image
 * stages becomes a residual block (an empty space has no reduction cell).
 */
export function emptySpace(current: SearchSpaceSpec, domain: SpaceDomain): SearchSpaceSpec {
  return coreEmptySpace(domain, 1, {
    ...current.macro,
    reduction: domain === 'image' ? 'residual' : 'none',
  });
}

import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../core/experiment/defaults';
import { strategyFor } from '../core/experiment/strategy-for';
import { withOverrides } from './experiment-source';

const base = defaultExperiment('teaching', 'spiral');
const pc = { ...base, strategy: strategyFor('pc-darts', base) };

describe('--epochs on a strategy with a warm-up', () => {
  it('shortens a warm-up the new epochs would swallow, leaving one epoch for the alphas', () => {
    const out = withOverrides(pc, { seed: null, epochs: 3 });
    if (!out.ok) throw new Error(out.problems.join('\n'));
    expect(out.spec.strategy).toMatchObject({ kind: 'pc-darts', epochs: 3, warmupEpochs: 2 });
  });

  it('keeps a warm-up that still fits', () => {
    const s = pc.strategy;
    if (s.kind !== 'pc-darts') throw new Error('not PC-DARTS');
    const out = withOverrides(pc, { seed: null, epochs: s.warmupEpochs + 1 });
    if (!out.ok) throw new Error(out.problems.join('\n'));
    expect(out.spec.strategy).toMatchObject({ warmupEpochs: s.warmupEpochs });
  });
});

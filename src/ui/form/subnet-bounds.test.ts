import { describe, expect, it } from 'vitest';
import { subnetRange } from '../../core/cost/network-cost';
import { datasetInput } from '../../core/data/load';
import { defaultExperiment } from '../../core/experiment/defaults';
import { emptySpace } from '../../store/composer-logic';
import { subnetBounds } from './subnet-bounds';

describe('subnet bounds beside the constraints', () => {
  it('gives the exact smallest and largest subnet of a space that can run', () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const bounds = subnetBounds(spec.space, spec.dataset);
    const { input, classes } = datasetInput(spec.dataset);
    expect(bounds).toEqual({ ok: true, range: subnetRange(spec.space, input, classes) });
    if (!bounds.ok) return;
    expect(bounds.range.params.min).toBeLessThan(bounds.range.params.max);
    expect(bounds.range.flops.min).toBeLessThan(bounds.range.flops.max);
  });

  it('says why there is no range while the space cannot run or the data is unreadable', () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const empty = subnetBounds(emptySpace(spec.space, 'image'), spec.dataset);
    expect(empty.ok).toBe(false);
    const oddSize = subnetBounds(spec.space, { ...spec.dataset, imageSize: 13 });
    expect(oddSize).toEqual({ ok: false, reason: expect.stringMatching(/can run/) });
  });
});

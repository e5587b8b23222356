import { beforeAll, describe, expect, it } from 'vitest';
import { supernetCost } from '../core/cost/network-cost';
import { defaultExperiment } from '../core/experiment/defaults';
import type { InputShape } from '../core/experiment/spec';
import { datasetInput } from '../core/data/load';
import { createRng } from '../core/random';
import type { SearchSpaceSpec } from '../core/search-space/types';
import { initNodeBackend } from './node-backend';
import { microDarts, tinyDarts, tinyNb201 } from './spaces.testkit';
import { buildSupernet } from './supernet';

/** The engine's count of scalar weights of the supernet it builds (the network is built, never run). */
function engineParams(space: SearchSpaceSpec, input: InputShape, classes: number): number {
  const net = buildSupernet(space, input, classes, createRng(1));
  const count = net.paramCount;
  net.dispose();
  return count;
}

const image = (side: number, channels = 1): InputShape => ({
  kind: 'image',
  height: side,
  width: side,
  channels,
});

describe('the cost model agrees with the engine', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  const presets = [
    ['nb201', 'mnist'],
    ['darts', 'mnist'],
    ['teaching', 'spiral'],
  ] as const;
  for (const [preset, dataset] of presets) {
    it(`supernet params of the ${preset} preset with its browser macro`, () => {
      const spec = defaultExperiment(preset, dataset);
      const { input, classes } = datasetInput(spec.dataset);
      const cost = supernetCost(spec.space, input, classes);
      expect(cost.params).toBeGreaterThan(0);
      expect(cost.params).toBe(engineParams(spec.space, input, classes));
    });
  }

  it('supernet params of small spaces at odd sizes, odd widths and several cells per stage', () => {
    const cases: [SearchSpaceSpec, InputShape, number][] = [
      [tinyNb201(), image(5, 3), 4],
      [tinyDarts(), image(7), 3],
      [microDarts(), image(5, 2), 2],
      [
        { ...tinyDarts(), macro: { ...tinyDarts().macro, channels: 3, cellsPerStage: 2 } },
        image(9),
        5,
      ],
      [
        { ...tinyNb201(), macro: { ...tinyNb201().macro, stages: 3, cellsPerStage: 2 } },
        image(8),
        10,
      ],
    ];
    for (const [space, input, classes] of cases) {
      expect(supernetCost(space, input, classes).params).toBe(engineParams(space, input, classes));
    }
  });
});

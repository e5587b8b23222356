import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { presetSpace } from '../search-space/presets';
import type { Genotype } from '../search-space/types';
import { genotypeKey } from './genotype-key';
import { sampleGenotype } from './sample';
import { TINY_TOP_K_SPACE } from './strategies.testkit';

describe('genotypeKey', () => {
  it('names edges by id in cell order', () => {
    const space = presetSpace('nb201');
    const g: Genotype = {
      normal: {
        edges: [
          { from: 'n2', to: 'n3', op: 'skip_connect' },
          { from: 'n0', to: 'n1', op: 'nor_conv_3x3' },
          { from: 'n0', to: 'n2', op: 'none' },
          { from: 'n1', to: 'n2', op: 'avg_pool_3x3' },
          { from: 'n0', to: 'n3', op: 'nor_conv_1x1' },
          { from: 'n1', to: 'n3', op: 'none' },
        ],
        concat: ['n3'],
      },
      reduce: null,
    };
    expect(genotypeKey(space, g)).toBe(
      'normal[e0=nor_conv_3x3,e1=none,e2=avg_pool_3x3,e3=nor_conv_1x1,e4=none,e5=skip_connect]',
    );
  });

  it('does not depend on the order of the kept edges, and separates different genotypes', () => {
    const space = presetSpace('darts');
    const rng = createRng(8);
    const byKey = new Map<string, string>();
    for (let i = 0; i < 300; i++) {
      const g = sampleGenotype(space, rng);
      const shuffled: Genotype = {
        normal: { ...g.normal, edges: rng.shuffle([...g.normal.edges]) },
        reduce: g.reduce && { ...g.reduce, edges: rng.shuffle([...g.reduce.edges]) },
      };
      const key = genotypeKey(space, g);
      expect(genotypeKey(space, shuffled)).toBe(key);
      expect(key).toMatch(/^normal\[.*\];reduce\[.*\]$/);
      const content = JSON.stringify(g);
      expect(byKey.get(key) ?? content).toBe(content);
      byKey.set(key, content);
    }
  });

  it('gives each of the 44 genotypes of a tiny top-k space its own key', () => {
    const rng = createRng(1);
    const keys = new Set<string>();
    const contents = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const g = sampleGenotype(TINY_TOP_K_SPACE, rng);
      keys.add(genotypeKey(TINY_TOP_K_SPACE, g));
      contents.add(JSON.stringify(g));
    }
    expect(keys.size).toBe(44);
    expect(contents.size).toBe(44);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { deriveGenotype } from '../search-space/derive';
import { presetSpace } from '../search-space/presets';
import type { Genotype } from '../search-space/types';
import { genotypeProblems } from './genotype-check';
import { sampleGenotype } from './sample';

const darts = presetSpace('darts');
const nb201 = presetSpace('nb201');

/** A DARTS genotype derived from seeded random weights. */
function derivedDarts(seed: number): Genotype {
  const rng = createRng(seed);
  const weights = darts.normal.edges.map((e) => e.ops.map(() => rng.next()));
  return deriveGenotype(darts, { normal: weights, reduce: weights });
}

const codes = (g: Genotype) => genotypeProblems(darts, g).map((p) => `${p.path} ${p.code}`);

describe('genotypeProblems', () => {
  it('passes genotypes DARTS derivation gives, and sampled ones', () => {
    for (let seed = 0; seed < 20; seed++)
      expect(genotypeProblems(darts, derivedDarts(seed))).toEqual([]);
    const rng = createRng(1);
    for (let i = 0; i < 20; i++)
      expect(genotypeProblems(nb201, sampleGenotype(nb201, rng))).toEqual([]);
  });

  it('names a missing or extra reduction cell', () => {
    const g = derivedDarts(1);
    expect(codes({ ...g, reduce: null })).toEqual(['reduce missing-cell']);
    const n = sampleGenotype(nb201, createRng(1));
    expect(genotypeProblems(nb201, { ...n, reduce: n.normal }).map((p) => p.code)).toEqual([
      'extra-cell',
    ]);
  });

  it('names edges the cell lacks, kept twice, or with an op they do not offer', () => {
    const g = derivedDarts(2);
    const [first, ...rest] = g.normal.edges;
    if (!first) throw new Error('empty genotype');
    const withNone = {
      ...g,
      normal: { ...g.normal, edges: [{ ...first, op: 'none' as const }, ...rest] },
    };
    expect(codes(withNone)).toEqual(['normal.edges.0 op-not-offered']);
    expect(genotypeProblems(darts, withNone)[0]?.message).toMatch(/never keeps none/);
    const foreign = {
      ...g,
      normal: { ...g.normal, edges: [{ ...first, op: 'nor_conv_3x3' as const }, ...rest] },
    };
    expect(codes(foreign)).toEqual(['normal.edges.0 op-not-offered']);
    const unknown = { ...g, normal: { ...g.normal, edges: [{ ...first, from: 'n3' }, ...rest] } };
    expect(codes(unknown)).toContain('normal.edges.0 unknown-edge');
    const twice = { ...g, normal: { ...g.normal, edges: [first, first, ...rest.slice(1)] } };
    expect(codes(twice)).toContain('normal.edges.1 repeated-edge');
  });

  it('names nodes keeping the wrong number of edges and a wrong output', () => {
    const g = derivedDarts(3);
    const dropped = { ...g, normal: { edges: g.normal.edges.slice(1), concat: g.normal.concat } };
    expect(codes(dropped)).toEqual(
      [`nodes.${g.normal.edges[0]?.to} kept-count`].map((c) => `normal.${c}`),
    );
    const n = sampleGenotype(nb201, createRng(2));
    const short = { ...n, normal: { edges: n.normal.edges.slice(0, 5), concat: ['n2'] } };
    expect(genotypeProblems(nb201, short).map((p) => `${p.path} ${p.code}`)).toEqual([
      'normal.nodes.n3 kept-count',
      'normal.concat concat',
    ]);
  });
});

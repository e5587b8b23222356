import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { presetSpace } from '../search-space/presets';
import { crossover } from './crossover';
import { genotypeKey } from './genotype-key';
import { mutateGenotype, mutateOneChoice } from './mutate';
import { genotypePath } from './path';
import { sampleGenotype } from './sample';
import { TEST_SPACES, validityFailures } from './strategies.testkit';

const spaceArb = fc.constantFrom(...TEST_SPACES);

/** Edges whose op index differs between two genotypes' paths (a dropped edge counts as its own value). */
function changedEdges(
  space: (typeof TEST_SPACES)[number]['space'],
  a: Parameters<typeof genotypePath>[1],
  b: Parameters<typeof genotypePath>[1],
): number {
  const pa = genotypePath(space, a);
  const pb = genotypePath(space, b);
  const diff = (x: readonly (number | null)[], y: readonly (number | null)[]) =>
    x.filter((v, i) => v !== y[i]).length;
  return diff(pa.normal, pb.normal) + diff(pa.reduce ?? [], pb.reduce ?? []);
}

describe('mutateGenotype', () => {
  it('always gives a genotype that passes the genotype, derive and cost checks', () => {
    fc.assert(
      fc.property(
        spaceArb,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ space, input }, seed, p) => {
          const rng = createRng(seed);
          let g = sampleGenotype(space, rng);
          for (let i = 0; i < 5; i++) {
            g = mutateGenotype(space, g, rng, p);
            expect(validityFailures(space, input, g)).toEqual([]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('keeps the parent with p = 0 and re-draws about a tenth of the choices with p = 0.1', () => {
    const space = presetSpace('nb201');
    const rng = createRng(12);
    const parent = sampleGenotype(space, rng);
    expect(mutateGenotype(space, parent, rng, 0)).toEqual(parent);
    // Each of the 6 edges is re-drawn with probability 0.1 and lands on another of its 5 ops with
    // probability 4/5: 0.48 changed edges per mutation on average.
    let changed = 0;
    const trials = 5000;
    for (let i = 0; i < trials; i++)
      changed += changedEdges(space, parent, mutateGenotype(space, parent, rng));
    expect(changed / trials).toBeGreaterThan(0.44);
    expect(changed / trials).toBeLessThan(0.52);
  });
});

describe('mutateOneChoice', () => {
  it('changes exactly one choice and stays valid', () => {
    fc.assert(
      fc.property(spaceArb, fc.nat(), ({ space, input }, seed) => {
        const rng = createRng(seed);
        const parent = sampleGenotype(space, rng);
        const child = mutateOneChoice(space, parent, rng);
        expect(validityFailures(space, input, child)).toEqual([]);
        expect(genotypeKey(space, child)).not.toBe(genotypeKey(space, parent));
        // An op change alters one edge; moving a top-k edge drops one edge and keeps another.
        expect([1, 2]).toContain(changedEdges(space, parent, child));
      }),
      { numRuns: 100 },
    );
  });

  it('returns the genotype unchanged when the space has one genotype', () => {
    const space = presetSpace('nb201');
    const single = {
      ...space,
      normal: {
        ...space.normal,
        edges: space.normal.edges.map((e) => ({ ...e, ops: ['skip_connect' as const] })),
      },
    };
    const g = sampleGenotype(single, createRng(1));
    expect(mutateOneChoice(single, g, createRng(2))).toBe(g);
  });
});

describe('crossover', () => {
  it('always gives a valid genotype whose every choice comes from a parent', () => {
    fc.assert(
      fc.property(spaceArb, fc.nat(), ({ space, input }, seed) => {
        const rng = createRng(seed);
        const a = sampleGenotype(space, rng);
        const b = sampleGenotype(space, rng);
        const child = crossover(space, a, b, rng);
        expect(validityFailures(space, input, child)).toEqual([]);
        const pc = genotypePath(space, child);
        const pa = genotypePath(space, a);
        const pb = genotypePath(space, b);
        pc.normal.forEach((op, i) => {
          if (op !== null) expect([pa.normal[i], pb.normal[i]]).toContain(op);
        });
        (pc.reduce ?? []).forEach((op, i) => {
          if (op !== null) expect([pa.reduce?.[i], pb.reduce?.[i]]).toContain(op);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('of a genotype with itself is that genotype', () => {
    const space = presetSpace('darts');
    const rng = createRng(5);
    const a = sampleGenotype(space, rng);
    expect(crossover(space, a, a, rng)).toEqual(a);
  });
});

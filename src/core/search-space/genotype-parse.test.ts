import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { deriveGenotype } from './derive';
import { formatDartsGenotype, formatNb201 } from './format';
import { parseDartsGenotype, parseGenotype, parseNb201, type Parsed } from './genotype-parse';
import { presetSpace, type PresetName } from './presets';
import type { CellAlphas, CellSpec, Genotype, SearchSpaceSpec } from './types';

const darts = presetSpace('darts');
const nb201 = presetSpace('nb201');

const V2 =
  "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";

/** The value of a parse that must succeed. */
function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(p.error);
  return p.value;
}

/** The refusal of a parse that must fail. */
function error<T>(p: Parsed<T>): string {
  if (p.ok) throw new Error('expected a refusal');
  return p.error;
}

/** Random op weights for a cell, from a seeded stream. */
function weights(cell: CellSpec, next: () => number): CellAlphas {
  return cell.edges.map((e) => e.ops.map(() => next()));
}

/** A random derived genotype of a space. */
function randomGenotype(space: SearchSpaceSpec, seed: number): Genotype {
  const rng = createRng(seed);
  const next = () => rng.next();
  return deriveGenotype(space, {
    normal: weights(space.normal, next),
    reduce: space.reduce ? weights(space.reduce, next) : null,
  });
}

/** `V2` with one substring replaced. */
const v2With = (from: string, to: string): string => V2.replace(from, to);

describe('parseGenotype round-trips core formats', () => {
  const presets: PresetName[] = ['darts', 'nb201', 'teaching'];
  it.each(presets)('DARTS Genotype(...) strings of random %s genotypes', (preset) => {
    const space = presetSpace(preset);
    for (let seed = 1; seed <= 50; seed++) {
      const g = randomGenotype(space, seed);
      const text = formatDartsGenotype(space, g);
      const back = value(parseGenotype(space, text));
      expect(formatDartsGenotype(space, back)).toBe(text);
      expect(new Set(back.normal.edges)).toEqual(new Set(g.normal.edges));
      expect(back.normal.concat).toEqual(g.normal.concat);
    }
  });

  it.each(['nb201', 'teaching'] as const)('NB201 strings of random %s genotypes', (preset) => {
    const space = presetSpace(preset);
    for (let seed = 1; seed <= 50; seed++) {
      const g = randomGenotype(space, seed);
      const text = formatNb201(space.normal, g.normal) ?? '';
      const back = value(parseGenotype(space, text));
      expect(formatNb201(space.normal, back.normal)).toBe(text);
      expect(back.reduce).toBeNull();
      expect(
        [...back.normal.edges].sort(
          (a, b) => a.to.localeCompare(b.to) || a.from.localeCompare(b.from),
        ),
      ).toEqual(
        [...g.normal.edges].sort(
          (a, b) => a.to.localeCompare(b.to) || a.from.localeCompare(b.from),
        ),
      );
    }
  });

  it('maps DARTS numbers onto node ids: inputs c0 c1, nodes n0..n3', () => {
    const g = value(parseGenotype(darts, V2));
    expect(g.normal.edges.slice(6)).toEqual([
      { from: 'c0', to: 'n3', op: 'skip_connect' },
      { from: 'n0', to: 'n3', op: 'dil_conv_3x3' },
    ]);
    expect(g.reduce?.concat).toEqual(['n0', 'n1', 'n2', 'n3']);
  });

  it('maps NB201 node numbers onto node ids: input n0, nodes n1..n3', () => {
    const g = value(
      parseNb201(
        nb201.normal,
        '|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|',
      ),
    );
    expect(g.edges).toContainEqual({ from: 'n1', to: 'n2', op: 'avg_pool_3x3' });
    expect(g.edges).toContainEqual({ from: 'n2', to: 'n3', op: 'skip_connect' });
    expect(g.concat).toEqual(['n3']);
  });
});

describe('the DARTS string forms', () => {
  const reference = value(parseDartsGenotype(V2));

  it('accepts range(a, b), double quotes, no spaces, line breaks and trailing commas', () => {
    const ranged = V2.replaceAll('[2, 3, 4, 5]', 'range(2, 6)');
    expect(value(parseDartsGenotype(ranged))).toEqual(reference);
    expect(value(parseDartsGenotype(V2.replaceAll("'", '"')))).toEqual(reference);
    expect(value(parseDartsGenotype(V2.replaceAll(' ', '')))).toEqual(reference);
    expect(
      value(
        parseDartsGenotype(
          V2.replaceAll(', (', ',\n  (').replace(')], normal_concat', '),], normal_concat'),
        ),
      ),
    ).toEqual(reference);
  });

  it('finds published genotypes by name', () => {
    expect(value(parseGenotype(darts, 'DARTS_V2'))).toEqual(value(parseGenotype(darts, V2)));
    expect(formatDartsGenotype(darts, value(parseGenotype(darts, 'darts_v1')))).toContain(
      "('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])",
    );
  });

  it('refuses malformed text, naming the problem', () => {
    expect(error(parseGenotype(darts, 'resnet18'))).toMatch(
      /^"resnet18" is not a genotype: give a published name \(DARTS_V1, DARTS_V2\)/,
    );
    expect(error(parseDartsGenotype('Genotype(normal=[]'))).toMatch(
      /^A DARTS genotype must read Genotype\(/,
    );
    expect(error(parseDartsGenotype(v2With('normal_concat=', 'normal_cat=')))).toBe(
      'Unexpected field "normal_cat" in the genotype; it takes normal, normal_concat, reduce, reduce_concat.',
    );
    expect(error(parseDartsGenotype(v2With(', reduce_concat=[2, 3, 4, 5]', '')))).toBe(
      'The genotype lacks reduce_concat.',
    );
    expect(error(parseDartsGenotype(v2With("('dil_conv_3x3', 2)", "('dil_conv_3x3' 2)")))).toBe(
      "normal has an entry ('dil_conv_3x3'2) that is not an ('op', input) pair.",
    );
    expect(
      error(parseDartsGenotype(v2With('normal_concat=[2, 3, 4, 5]', 'normal_concat=[2, x]'))),
    ).toBe('normal_concat must be a list of node numbers or range(a, b); got [2,x].');
  });
});

describe('refusals against the space', () => {
  it('an op not in the registry', () => {
    expect(
      error(parseGenotype(darts, v2With("('dil_conv_3x3', 2)", "('dil_conv_7x7', 2)"))),
    ).toMatch(
      /^Node 5 of the normal cell: unknown op 'dil_conv_7x7'; registered ops are none, skip_connect, /,
    );
  });

  it('an op the edge does not offer', () => {
    expect(error(parseGenotype(darts, v2With("('dil_conv_3x3', 2)", "('nor_conv_3x3', 2)")))).toBe(
      "Node 5 of the normal cell: op 'nor_conv_3x3' is not a candidate on the edge from node 2 to node 5; it offers none, max_pool_3x3, avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3, dil_conv_5x5.",
    );
  });

  it('an input index out of range', () => {
    expect(error(parseGenotype(darts, v2With("('dil_conv_3x3', 2)", "('dil_conv_3x3', 5)")))).toBe(
      'Node 5 of the normal cell: input 5 is out of range; node 5 can take inputs 0 to 4.',
    );
    expect(
      error(
        parseGenotype(darts, v2With("reduce=[('max_pool_3x3', 0)", "reduce=[('max_pool_3x3', 2)")),
      ),
    ).toBe('Node 2 of the reduce cell: input 2 is out of range; node 2 can take inputs 0 to 1.');
    expect(
      error(parseGenotype(nb201, '|nor_conv_3x3~1|+|none~0|none~1|+|none~0|none~1|none~2|')),
    ).toBe('Node 1 of the cell: input 1 is out of range; node 1 can take inputs 0 to 0.');
  });

  it('a node with the wrong number of inputs', () => {
    expect(error(parseGenotype(darts, v2With(", ('dil_conv_3x3', 2)", '')))).toBe(
      'The normal cell lists 7 (op, input) pairs; this cell keeps 8: 2, 2, 2, 2 for nodes 2 to 5.',
    );
    expect(
      error(
        parseGenotype(
          darts,
          v2With(
            "('skip_connect', 0), ('dil_conv_3x3', 2)",
            "('skip_connect', 0), ('dil_conv_3x3', 0)",
          ),
        ),
      ),
    ).toBe(
      'Node 5 of the normal cell takes input 0 twice; each kept edge must come from a different node.',
    );
    expect(error(parseGenotype(nb201, '|nor_conv_3x3~0|+|none~0|+|none~0|none~1|none~2|'))).toBe(
      'Node 2 of the NB201 string lists 1 input(s); in this cell it has 2.',
    );
  });

  it('an NB201 string whose structure does not match the cell', () => {
    expect(error(parseGenotype(nb201, '|nor_conv_3x3~0|+|none~0|none~1|'))).toBe(
      "The NB201 string has 2 node group(s) separated by '+'; the cell has 3 intermediate nodes.",
    );
    expect(
      error(parseGenotype(nb201, '|nor_conv_3x3~0|+none~0|none~1|+|none~0|none~1|none~2|')),
    ).toBe("NB201 group 2 (none~0|none~1|) must start and end with '|'.");
    expect(
      error(parseGenotype(nb201, '|nor_conv_3x3:0|+|none~0|none~1|+|none~0|none~1|none~2|')),
    ).toBe("NB201 entry 'nor_conv_3x3:0' of node 1 is not op~source.");
  });

  it('a genotype kind that does not fit the space', () => {
    expect(
      error(parseGenotype(darts, '|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|')),
    ).toBe(
      'An NB201 string describes one cell, but this space also searches a reduction cell. Give a DARTS Genotype(...) string or a published name.',
    );
    expect(error(parseNb201(darts.normal, '|skip_connect~0|'))).toMatch(
      /^An NB201 string describes a one-input cell with one op on every edge; this cell takes 2 input\(s\) and keeps its top 2 edges per node\./,
    );
    expect(error(parseGenotype(nb201, 'DARTS_V2'))).toBe(
      "This space has no reduction cell, so the genotype's reduce list must be empty; it lists 8 pairs.",
    );
  });

  it("a kept 'none' in a top-2 cell, and a concat that is not the cell output", () => {
    expect(error(parseGenotype(darts, v2With("('dil_conv_3x3', 2)", "('none', 2)")))).toBe(
      "Node 5 of the normal cell: 'none' is never a kept op in a cell that keeps its top 2 edges per node.",
    );
    expect(
      error(parseGenotype(darts, v2With('normal_concat=[2, 3, 4, 5]', 'normal_concat=[2, 3, 4]'))),
    ).toBe(
      "The normal cell's concat is [2, 3, 4]; this cell's output is made of nodes [2, 3, 4, 5].",
    );
  });
});

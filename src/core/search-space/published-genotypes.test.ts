import { describe, expect, it } from 'vitest';
import { formatDartsGenotype } from './format';
import { notationToGenotype } from './genotype-parse';
import { presetSpace } from './presets';
import {
  PUBLISHED_GENOTYPE_NAMES,
  PUBLISHED_GENOTYPES,
  publishedGenotype,
} from './published-genotypes';

/** The two lines of quark0/darts genotypes.py, as printed there. */
const GENOTYPES_PY = {
  DARTS_V1:
    "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])",
  DARTS_V2:
    "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])",
} as const;

describe('published genotypes', () => {
  it('lists DARTS_V1 and DARTS_V2', () => {
    expect(PUBLISHED_GENOTYPE_NAMES).toEqual(['DARTS_V1', 'DARTS_V2']);
  });

  it.each(PUBLISHED_GENOTYPE_NAMES)(
    '%s fits the DARTS space and prints as genotypes.py has it',
    (name) => {
      const space = presetSpace('darts');
      const genotype = notationToGenotype(space, PUBLISHED_GENOTYPES[name]);
      if (!genotype.ok) throw new Error(genotype.error);
      expect(formatDartsGenotype(space, genotype.value)).toBe(GENOTYPES_PY[name]);
    },
  );

  it('finds names regardless of case and spacing, and nothing else', () => {
    expect(publishedGenotype('darts_v2')).toBe(PUBLISHED_GENOTYPES.DARTS_V2);
    expect(publishedGenotype(' DARTS_V1 ')).toBe(PUBLISHED_GENOTYPES.DARTS_V1);
    expect(publishedGenotype('DARTS')).toBeNull();
    expect(publishedGenotype('PC_DARTS')).toBeNull();
  });
});

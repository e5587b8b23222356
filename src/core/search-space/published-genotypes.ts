/**
 * Published genotypes in DARTS notation, exactly as quark0/darts `genotypes.py` writes them: per
 * cell a list of (op, input node number) pairs, k per intermediate node in node order, and the
 * numbers of the nodes the cell output concatenates. `genotype-parse.ts` maps them onto a cell.
 */

/** One (op name, input node number) pair. The name is unchecked text until it is mapped onto a cell. */
export type DartsGene = readonly [op: string, from: number];

/** One cell in DARTS notation: the kept (op, input) pairs and the concatenated node numbers. */
export interface DartsCellNotation {
  readonly genes: readonly DartsGene[];
  readonly concat: readonly number[];
}

/** A genotype in DARTS notation: the normal and the reduction cell (`reduce` is empty for spaces without one). */
export interface DartsNotation {
  readonly normal: DartsCellNotation;
  readonly reduce: DartsCellNotation;
}

/** `range(2, 6)`: the four intermediate nodes of a DARTS cell. */
const CONCAT_2_TO_5 = [2, 3, 4, 5] as const;

/** The published DARTS cells of Liu et al. (ICLR 2019): first order (V1) and second order (V2). */
export const PUBLISHED_GENOTYPES = {
  DARTS_V1: {
    normal: {
      genes: [
        ['sep_conv_3x3', 1],
        ['sep_conv_3x3', 0],
        ['skip_connect', 0],
        ['sep_conv_3x3', 1],
        ['skip_connect', 0],
        ['sep_conv_3x3', 1],
        ['sep_conv_3x3', 0],
        ['skip_connect', 2],
      ],
      concat: CONCAT_2_TO_5,
    },
    reduce: {
      genes: [
        ['max_pool_3x3', 0],
        ['max_pool_3x3', 1],
        ['skip_connect', 2],
        ['max_pool_3x3', 0],
        ['max_pool_3x3', 0],
        ['skip_connect', 2],
        ['skip_connect', 2],
        ['avg_pool_3x3', 0],
      ],
      concat: CONCAT_2_TO_5,
    },
  },
  DARTS_V2: {
    normal: {
      genes: [
        ['sep_conv_3x3', 0],
        ['sep_conv_3x3', 1],
        ['sep_conv_3x3', 0],
        ['sep_conv_3x3', 1],
        ['sep_conv_3x3', 1],
        ['skip_connect', 0],
        ['skip_connect', 0],
        ['dil_conv_3x3', 2],
      ],
      concat: CONCAT_2_TO_5,
    },
    reduce: {
      genes: [
        ['max_pool_3x3', 0],
        ['max_pool_3x3', 1],
        ['skip_connect', 2],
        ['max_pool_3x3', 1],
        ['max_pool_3x3', 0],
        ['skip_connect', 2],
        ['skip_connect', 2],
        ['max_pool_3x3', 1],
      ],
      concat: CONCAT_2_TO_5,
    },
  },
} as const satisfies Record<string, DartsNotation>;

/** The name of a published genotype. */
export type PublishedGenotypeName = keyof typeof PUBLISHED_GENOTYPES;

/** Every published genotype name. */
export const PUBLISHED_GENOTYPE_NAMES = Object.keys(PUBLISHED_GENOTYPES) as PublishedGenotypeName[];

/** The published genotype called `name` (case-insensitive: `darts_v2` finds DARTS_V2), or null. */
export function publishedGenotype(name: string): DartsNotation | null {
  const key = PUBLISHED_GENOTYPE_NAMES.find((n) => n.toLowerCase() === name.trim().toLowerCase());
  return key === undefined ? null : PUBLISHED_GENOTYPES[key];
}

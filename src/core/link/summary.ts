/** The finished run a link may carry: plain data a reader sees before re-running, checked against the link's space. */
import { STRATEGY_KINDS } from '../strategy/kinds';
import { z } from 'zod';
import type { StrategyKind } from '../experiment/spec';
import type { OpName } from '../search-space/ops';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';

/** A finished run's headline: final genotype, validation and test accuracy (fractions), strategy, steps, and when it finished (ISO time, or null when unknown). */
export interface RunSummary {
  readonly genotype: Genotype;
  readonly validAcc: number;
  readonly testAcc: number;
  readonly strategy: StrategyKind;
  readonly steps: number;
  readonly finishedAt: string | null;
}

const cellGenotype = z.object({
  edges: z
    .array(
      z.object({
        from: z.string().max(64),
        to: z.string().max(64),
        op: z.custom<OpName>((v) => typeof v === 'string', 'Expected a string'),
      }),
    )
    .max(512),
  concat: z.array(z.string().max(64)).max(256),
});

const accuracy = z.number().min(0).max(1);

/** Structural schema of a RunSummary. */
export const runSummarySchema = z.object({
  genotype: z.object({ normal: cellGenotype, reduce: cellGenotype.nullable() }),
  validAcc: accuracy,
  testAcc: accuracy,
  strategy: z.enum(STRATEGY_KINDS),
  steps: z.number().int().min(0).max(1e9),
  finishedAt: z.string().max(40).nullable(),
});

/** True when every kept edge exists in `cell` with that op, and every concatenated node is a node of `cell`. */
function fitsCell(g: CellGenotype, cell: CellSpec): boolean {
  const nodes = new Set(cell.nodes);
  const edgesFit = g.edges.every((e) =>
    cell.edges.some((c) => c.from === e.from && c.to === e.to && c.ops.includes(e.op)),
  );
  return edgesFit && g.concat.every((n) => nodes.has(n));
}

/** The summary fitted to `space`, with what was changed; `summary: null` when it cannot describe a subnet of the space. */
export function fitSummary(
  summary: RunSummary,
  space: SearchSpaceSpec,
  strategy: StrategyKind,
): { summary: RunSummary | null; repairs: string[] } {
  const dropped = (why: string) => ({
    summary: null,
    repairs: [`The finished run in the link was left out: ${why}`],
  });
  if (summary.strategy !== strategy)
    return dropped(`it was found by ${summary.strategy}, but the experiment uses ${strategy}.`);
  if (!fitsCell(summary.genotype.normal, space.normal))
    return dropped("its normal cell is not a subnet of the link's search space.");
  const reduce = summary.genotype.reduce;
  if (reduce !== null && space.reduce !== null && !fitsCell(reduce, space.reduce))
    return dropped("its reduction cell is not a subnet of the link's search space.");
  if (reduce === null && space.reduce !== null)
    return dropped('it has no reduction cell, but the search space has one.');
  if (reduce !== null && space.reduce === null) {
    return {
      summary: { ...summary, genotype: { ...summary.genotype, reduce: null } },
      repairs: [
        'The finished run named a reduction cell the search space does not have; it was removed.',
      ],
    };
  }
  return { summary, repairs: [] };
}

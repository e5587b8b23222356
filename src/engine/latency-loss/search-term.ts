/**
 * The latency loss of a differentiable search run (DARTS, and the kinds built like it): the
 * 'latency' phase that measures (or reuses) the lookup table, or the table a resumed checkpoint
 * carries, and the term over the run's supernet; the expected latency after an epoch, and a
 * derived cell's latency priced by the same table.
 */
import { subnetLatency, type LatencyTable } from '../../core/cost/latency';
import type { ExperimentSpec, LoadedDataset } from '../../core/experiment/spec';
import { expectedLatencyMs, latencyPlan } from '../../core/latency-loss/expectation';
import { latencyOn, type LatencyLossSpec } from '../../core/latency-loss/spec';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { ExpectedLatencyPoint } from '../../core/run/protocol';
import type { CellAlphas, CellRole, Genotype } from '../../core/search-space/types';
import { checkpointMismatch } from '../checkpoint';
import { runLatencyPhase, type TableBuilder } from '../search-latency';
import { buildLatencyTable } from '../latency/measure';
import type { Emit } from '../step-gate';
import type { Supernet } from '../supernet';
import { createLatencyTerm, type LatencyTerm } from './term';

/** A run's latency loss: the table it prices with and the term its alpha step adds. */
export interface SearchLatency {
  readonly table: LatencyTable;
  readonly term: LatencyTerm;
}

/** No bounds: the latency loss needs the table whatever the constraints. */
const NO_BOUNDS = { maxParams: null, maxFlops: null, maxLatencyMs: null } as const;

/**
 * The latency loss of a run of `spec` over `net` with settings `l`: null when it is off; otherwise
 * the checkpoint's table when resuming from `resume` (one without a table does not fit), or the
 * 'latency' phase's (events as runLatencyPhase; a failed measurement fails the run, naming the
 * latency loss). Resolves 'stopped' when the control stopped the measurement. The caller owns
 * (disposes) the term.
 */
export async function prepareSearchLatency(
  spec: ExperimentSpec,
  data: LoadedDataset,
  net: Supernet,
  l: LatencyLossSpec,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
  build: TableBuilder = buildLatencyTable,
): Promise<SearchLatency | null | 'stopped'> {
  if (!latencyOn(l)) return null;
  let table: LatencyTable | null | 'stopped';
  if (resume) {
    if (resume.latency === null)
      throw checkpointMismatch('it has no latency table, so the latency loss cannot be computed.');
    table = resume.latency;
  } else {
    const target = { space: spec.space, input: data.input, classes: data.classes };
    table = await runLatencyPhase(target, NO_BOUNDS, control, emit, build, 'the latency loss');
  }
  if (table === 'stopped') return 'stopped';
  if (table === null) throw new Error('The latency loss has no latency table.');
  const plan = latencyPlan(spec.space, data.input, data.classes, table);
  const widths: Partial<Record<CellRole, number>> = {};
  for (const role of ['normal', 'reduce'] as const) {
    const a = net.alphas[role];
    if (a) widths[role] = a.maxOps;
  }
  return { table, term: createLatencyTerm(plan, l, widths) };
}

/** The expected latency of op weights `rows` (softmax(α) per role) after epoch `epoch`, at step `step`. */
export function expectedLatencyPoint(
  latency: SearchLatency,
  rows: Partial<Record<CellRole, CellAlphas>>,
  epoch: number,
  step: number,
): ExpectedLatencyPoint {
  return {
    epoch,
    step,
    expectedMs: expectedLatencyMs(latency.term.plan, rows),
    targetMs: latency.term.spec.targetMs,
  };
}

/** The latency of `genotype` priced by the run's table (ms per example), or null without one. */
export function genotypeLatency(
  spec: ExperimentSpec,
  data: LoadedDataset,
  genotype: Genotype,
  table: LatencyTable | null,
): number | null {
  if (table === null) return null;
  return subnetLatency(spec.space, genotype, data.input, data.classes, table);
}

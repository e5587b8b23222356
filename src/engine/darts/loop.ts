/** The step-by-step part of a DARTS (or GDAS) run: gate, the trainer's alpha and weight steps, read-back, events, epoch evaluations. */
import * as tf from '@tensorflow/tfjs';
import type {
  DartsSettings,
  ExperimentSpec,
  GdasStrategySpec,
  LoadedDataset,
} from '../../core/experiment/spec';
import type { RunControl } from '../../core/run/control';
import { deriveEdgeNormalised, type EdgeWeightRows } from '../../core/search-space/edge-normalised';
import type { AlphaSnapshot } from '../../core/run/protocol';
import type { CellAlphas, CellRole, Genotype } from '../../core/search-space/types';
import { toDevice, type BatchStream } from '../batches';
import { captureCheckpoint, type TrainedTensors } from '../checkpoint';
import type { Batch } from './trainer';
import { evaluateSplit, type SplitScore } from '../evaluate';
import { cosineLr } from '../optimizers';
import { packStep, rowsOf, unpackStep, type StepReadout } from '../readout';
import { epochDiagnostics, type DiagnosticsState, type EpochReport } from '../diagnostics/epoch';
import { dartsPlusSettings, earlyStopMessage } from '../../core/diagnostics/collapse';
import { createRng } from '../../core/random';
import { meanAlphaEntropy } from '../../core/trust/alpha-entropy';
import { boundaryDue } from '../../core/run/boundary';
import { genotypePath } from '../../core/strategies/path';
import { boundaryFrame, hasBoundary } from '../boundary-grid';
import { createStepGate, nonFiniteName, type Emit, type StepGate } from '../step-gate';
import { expectedLatencyPoint, type SearchLatency } from '../latency-loss/search-term';
import type { Adam, MomentumSgd } from '../optimizers';
import type { Supernet } from '../supernet';

export type { Emit };

/**
 * The genotype the op weights give (core's derivation rule per cell); with PC-DARTS's edge weights
 * `edges`, each edge's op weights are scaled by its edge weight first (core edge-normalised.ts).
 */
export function genotypeOf(
  spec: ExperimentSpec,
  rows: Partial<Record<CellRole, CellAlphas>>,
  edges: EdgeWeightRows = {},
): Genotype {
  if (!rows.normal) throw new Error('The supernet has no normal-cell alphas.');
  return deriveEdgeNormalised(
    spec.space,
    { normal: rows.normal, reduce: rows.reduce ?? null },
    edges,
  );
}

/** The supernet's architecture read back: softmax(alpha) per role, as rows, its edge weights (PC-DARTS) and the genotype they give. */
export async function readArchitecture(
  spec: ExperimentSpec,
  net: Supernet,
): Promise<{
  readonly weights: AlphaSnapshot;
  readonly rows: Partial<Record<CellRole, CellAlphas>>;
  readonly edges: AlphaSnapshot;
  readonly genotype: Genotype;
}> {
  const weights = await net.softmaxAlphas();
  const edges = await net.edgeWeightSnapshot();
  const rows = rowsOf(net, weights);
  return { weights, rows, edges, genotype: genotypeOf(spec, rows, edges) };
}

/** Names the first non-finite loss of a step ('training loss NaN'), or null when both are finite (a warm-up step has no alpha loss). */
function nonFinite(r: StepReadout, alphaStep: boolean): string | null {
  for (const [what, v] of [
    ['training loss', r.trainLoss],
    ...(alphaStep ? [['validation loss', r.alphaLoss] as const] : []),
  ] as const) {
    if (!Number.isFinite(v)) return `${what} ${nonFiniteName(v)}`;
  }
  return null;
}

/** The strategies this loop trains: a supernet with alphas, a weight step and an alpha step per step. */
export type SupernetSearchSpec = DartsSettings | GdasStrategySpec;

/** The step the loop takes, whatever the strategy: DARTS's trainer, or GDAS's on sampled paths. */
export interface SearchTrainer {
  /** Work before step `step` (1-based) of epoch `epoch` that reads from the device, awaited before `step` (GDAS draws its sample); absent: none. */
  prepare?(step: number, epoch: number): Promise<void>;
  /** One search step; returns [train loss, correct train predictions, alpha loss (NaN without an alpha step)], a tensor the caller disposes. */
  step(train: Batch, valid: Batch, lr: number, alphaStep?: boolean): tf.Tensor1D;
  readonly sgd: MomentumSgd;
  readonly adam: Adam;
}

/** Everything one run holds while it trains. */
export interface RunState<S extends SupernetSearchSpec = DartsSettings> {
  readonly spec: ExperimentSpec;
  /** The strategy its checkpoints name: DARTS, PC-DARTS (the same search step on its supernet) or GDAS (its trainer samples paths). */
  readonly kind: 'darts' | 'pc-darts' | 'gdas';
  /** The spec's strategy settings. */
  readonly strategy: S;
  readonly data: LoadedDataset;
  readonly net: Supernet;
  readonly trainer: SearchTrainer;
  readonly trainStream: BatchStream;
  readonly validStream: BatchStream;
  readonly totalSteps: number;
  step: number;
  /** Epochs done (the next one trained is `epoch + 1`). */
  epoch: number;
  activeMs: number;
  genotypeKey: string;
  /** Collapse diagnostics carried between epochs. */
  readonly diagnostics: DiagnosticsState;
  /** Seeds the per-epoch random streams of the diagnostics (epoch e uses diagnosticsSeed + e). */
  readonly diagnosticsSeed: number;
  /** The latency loss and its table, or null when the spec has none. */
  readonly latencyLoss: SearchLatency | null;
}

/** What a DARTS (PC-DARTS, GDAS) checkpoint holds of a run: weights, alphas (then PC-DARTS's betas), SGD velocity and Adam's state. */
export function dartsTensors(
  st: Pick<RunState<SupernetSearchSpec>, 'net' | 'trainer'>,
): TrainedTensors {
  return {
    weights: st.net.weights,
    alphas: [...st.net.alphaVariables, ...st.net.betaVariables],
    velocity: st.trainer.sgd.velocity,
    adam: st.trainer.adam,
  };
}

/** One search step (the trainer's prepare, then its alpha and weight steps: DARTS takes the alpha step first, GDAS the weight step) and its events. Returns false when its loss was not finite. */
async function searchStep(
  st: RunState<SupernetSearchSpec>,
  epoch: number,
  gate: StepGate,
  emit: Emit,
): Promise<boolean> {
  const s = st.strategy;
  const started = performance.now();
  st.step += 1;
  await st.trainer.prepare?.(st.step, epoch);
  const lr = cosineLr(st.step - 1, st.totalSteps, s.weightLr, s.weightLrMin);
  const train = toDevice(st.trainStream.next(), st.data.input);
  const valid = toDevice(st.validStream.next(), st.data.input);
  const batchCount = train.y.shape[0];
  const stats = st.trainer.step(train, valid, lr, epoch > s.warmupEpochs);
  const packed = packStep(st.net, stats);
  tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
  const r = unpackStep(st.net, await packed.data<'float32'>());
  packed.dispose();
  st.activeMs += performance.now() - started;
  const bad = nonFinite(r, epoch > s.warmupEpochs);
  if (bad !== null) {
    gate.pauseForNonFinite(st.step, bad);
    return false;
  }
  const { step } = st;
  emit({
    type: 'step',
    step,
    epoch,
    trainLoss: r.trainLoss,
    trainAcc: r.trainCorrect / batchCount,
    alphaLoss: r.alphaLoss,
    elapsedMs: st.activeMs,
  });
  emit({ type: 'alphas', step, weights: r.snapshot });
  const genotype = genotypeOf(st.spec, r.rows, r.edges);
  const key = JSON.stringify(genotype);
  if (key !== st.genotypeKey) {
    st.genotypeKey = key;
    emit({ type: 'genotype', step, genotype });
  }
  return true;
}

/**
 * Trains every epoch after `st.epoch`. After each epoch: with a latency loss 'expected-latency',
 * then 'eval', then 'diagnostics' (collapse
 * diagnostics), then on 2-feature data a 'boundary' frame when one is due (boundaryDue, and on an
 * early stop), then, when DARTS+ is on and one of its rules holds, 'early-stop' and the end of
 * training; otherwise a 'checkpoint' after every epoch but the last. Resolves the last validation
 * score (null without epochs), or false when the control stopped the run.
 */
export async function searchLoop(
  st: RunState<SupernetSearchSpec>,
  control: RunControl,
  emit: Emit,
): Promise<SplitScore | null | false> {
  const s = st.strategy;
  const stepsPerEpoch = Math.ceil(st.data.train.count / s.batchSize);
  const gate = createStepGate(control, emit, () => st.step);
  let valid: SplitScore | null = null;
  for (let epoch = st.epoch + 1; epoch <= s.epochs; epoch++) {
    for (let i = 0; i < stepsPerEpoch; i++) {
      if (!(await gate.proceed())) return false;
      await searchStep(st, epoch, gate, emit);
    }
    // A non-finite loss on an epoch's last step: stay paused before evaluating (and finishing).
    if (gate.pausedForNonFinite() && !(await gate.proceed())) return false;
    const started = performance.now();
    if (st.latencyLoss) {
      const rows = rowsOf(st.net, await st.net.softmaxAlphas());
      emit({
        type: 'expected-latency',
        ...expectedLatencyPoint(st.latencyLoss, rows, epoch, st.step),
      });
    }
    valid = await evaluateSplit(st.net, st.data.valid, st.data.input, s.batchSize);
    emit({ type: 'eval', step: st.step, epoch, validLoss: valid.loss, validAcc: valid.acc });
    const report = await diagnose(st, epoch, emit);
    if (hasBoundary(st.data.input) && (boundaryDue(epoch, s.epochs) || report.rule !== null))
      await drawBoundary(st, epoch, emit);
    st.activeMs += performance.now() - started;
    st.epoch = epoch;
    if (report.rule !== null) {
      emit({
        type: 'early-stop',
        rule: report.rule,
        epoch,
        step: st.step,
        message: earlyStopMessage(report.rule, epoch, report.diagnostics),
      });
      break;
    }
    if (epoch < s.epochs)
      emit({
        type: 'checkpoint',
        checkpoint: {
          ...(await captureCheckpoint(
            st.kind,
            { ...st, latency: st.latencyLoss?.table ?? null },
            dartsTensors(st),
          )),
          diagnostics: st.diagnostics.memo,
        },
      });
  }
  return valid;
}

/** Emits the collapse diagnostics after epoch `epoch`; resolves them with the DARTS+ rule that holds, if any. */
async function diagnose(
  st: RunState<SupernetSearchSpec>,
  epoch: number,
  emit: Emit,
): Promise<EpochReport> {
  const { weights: snapshot, rows, genotype } = await readArchitecture(st.spec, st.net);
  const report = await epochDiagnostics(
    st.net,
    st.diagnostics,
    { epoch, step: st.step },
    dartsPlusSettings(st.strategy),
    st.spec.space,
    st.data.input,
    {
      rows,
      genotype,
      entropy: meanAlphaEntropy(snapshot, st.net.edgeLabels),
    },
    createRng((st.diagnosticsSeed + epoch) >>> 0),
  );
  emit({ type: 'diagnostics', ...report.diagnostics });
  return report;
}

/** Emits the decision-boundary frame after epoch `epoch`: the supernet and its current derived cell over a grid. */
async function drawBoundary(
  st: RunState<SupernetSearchSpec>,
  epoch: number,
  emit: Emit,
): Promise<void> {
  const { genotype } = await readArchitecture(st.spec, st.net);
  const frame = await boundaryFrame(
    st.net,
    genotypePath(st.spec.space, genotype),
    st.data,
    { step: st.step, epoch, seed: (st.diagnosticsSeed ^ 0x2b0da) + epoch },
    st.strategy.batchSize,
  );
  emit({ type: 'boundary', frame });
}

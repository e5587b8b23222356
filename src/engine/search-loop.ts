/** The step-by-step part of a DARTS run: gate, alpha step, weight step, read-back, events, epoch evaluations. */
import * as tf from '@tensorflow/tfjs';
import type { ExperimentSpec, LoadedDataset } from '../core/experiment/spec';
import type { RunControl } from '../core/run/control';
import type { RunEvent } from '../core/run/protocol';
import { deriveGenotype } from '../core/search-space/derive';
import type { CellAlphas, CellRole, Genotype } from '../core/search-space/types';
import { toDevice, type BatchStream } from './batches';
import type { DartsTrainer } from './darts';
import { evaluateSplit, type SplitScore } from './evaluate';
import { cosineLr } from './optimizers';
import { packStep, unpackStep, type StepReadout } from './readout';
import type { Supernet } from './supernet';

/** Receives run events. */
export type Emit = (e: RunEvent) => void;

/** The genotype the op weights give (core's derivation rule per cell). */
export function genotypeOf(
  spec: ExperimentSpec,
  rows: Partial<Record<CellRole, CellAlphas>>,
): Genotype {
  if (!rows.normal) throw new Error('The supernet has no normal-cell alphas.');
  return deriveGenotype(spec.space, { normal: rows.normal, reduce: rows.reduce ?? null });
}

/** Names the first non-finite loss of a step ('training loss NaN'), or null when both are finite. */
function nonFinite(r: StepReadout): string | null {
  for (const [what, v] of [
    ['training loss', r.trainLoss],
    ['validation loss', r.alphaLoss],
  ] as const) {
    if (!Number.isFinite(v))
      return `${what} ${Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'}`;
  }
  return null;
}

/** Everything one run holds while it trains. */
export interface RunState {
  readonly spec: ExperimentSpec;
  readonly data: LoadedDataset;
  readonly net: Supernet;
  readonly trainer: DartsTrainer;
  readonly trainStream: BatchStream;
  readonly validStream: BatchStream;
  readonly totalSteps: number;
  step: number;
  activeMs: number;
  genotypeKey: string;
}

/** One search step (alpha step, then weight step) and its events. Returns false when its loss was not finite. */
async function searchStep(
  st: RunState,
  epoch: number,
  control: RunControl,
  emit: Emit,
): Promise<boolean> {
  const s = st.spec.strategy;
  const started = performance.now();
  st.step += 1;
  const lr = cosineLr(st.step - 1, st.totalSteps, s.weightLr, s.weightLrMin);
  const train = toDevice(st.trainStream.next(), st.data.input);
  const valid = toDevice(st.validStream.next(), st.data.input);
  const batchCount = train.y.shape[0];
  const stats = st.trainer.step(train, valid, lr);
  const packed = packStep(st.net, stats);
  tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
  const r = unpackStep(st.net, await packed.data<'float32'>());
  packed.dispose();
  st.activeMs += performance.now() - started;
  const bad = nonFinite(r);
  if (bad !== null) {
    control.pause();
    const message = `Step ${st.step} produced a non-finite loss (${bad}); the run is paused. Resuming continues from weights that are likely broken too: stop the run and lower the weight learning rate.`;
    emit({ type: 'status', status: 'paused', step: st.step, message });
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
  const genotype = genotypeOf(st.spec, r.rows);
  const key = JSON.stringify(genotype);
  if (key !== st.genotypeKey) {
    st.genotypeKey = key;
    emit({ type: 'genotype', step, genotype });
  }
  return true;
}

/** Trains every epoch; resolves the last validation score (null without epochs), or false when the control stopped the run. */
export async function searchLoop(
  st: RunState,
  control: RunControl,
  emit: Emit,
): Promise<SplitScore | null | false> {
  const s = st.spec.strategy;
  const stepsPerEpoch = Math.ceil(st.data.train.count / s.batchSize);
  let pausedForNaN = false;
  /** Awaits the gate; after a non-finite pause, says 'running' only once the control really runs again (not for a single step). */
  const proceed = async (): Promise<boolean> => {
    if (!(await control.gate())) return false;
    if (pausedForNaN && control.state() === 'running') {
      pausedForNaN = false;
      emit({
        type: 'status',
        status: 'running',
        step: st.step,
        message: `Resumed at step ${st.step + 1}.`,
      });
    }
    return true;
  };
  let valid: SplitScore | null = null;
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    for (let i = 0; i < stepsPerEpoch; i++) {
      if (!(await proceed())) return false;
      if (!(await searchStep(st, epoch, control, emit))) pausedForNaN = true;
    }
    // A non-finite loss on an epoch's last step: stay paused before evaluating (and finishing).
    if (pausedForNaN && !(await proceed())) return false;
    const started = performance.now();
    valid = await evaluateSplit(st.net, st.data.valid, st.data.input, s.batchSize);
    st.activeMs += performance.now() - started;
    emit({ type: 'eval', step: st.step, epoch, validLoss: valid.loss, validAcc: valid.acc });
  }
  return valid;
}

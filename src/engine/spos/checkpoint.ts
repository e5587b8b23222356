/**
 * Checkpoints of a Single Path One-Shot run: what its supernet phase holds, the checkpoint of it
 * (weights and SGD velocity, with the latency table once measured), and carrying a freshly built
 * run on from one.
 */
import type { LatencyTable } from '../../core/cost/latency';
import type { ExperimentSpec, LoadedDataset, SposStrategySpec } from '../../core/experiment/spec';
import type { Rng } from '../../core/random';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunEvent } from '../../core/run/protocol';
import { sampleSpos } from '../../core/strategies/path';
import type { BatchStream } from '../batches';
import {
  captureCheckpoint,
  checkpointMismatch,
  writeTensors,
  type TrainedTensors,
} from '../checkpoint';
import type { SposTrainer } from './trainer';
import type { Supernet } from '../supernet';

/** What the supernet phase holds. */
export interface Training {
  readonly spec: ExperimentSpec;
  readonly s: SposStrategySpec;
  readonly data: LoadedDataset;
  readonly net: Supernet;
  readonly trainer: SposTrainer;
  readonly stream: BatchStream;
  readonly pathRng: Rng;
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  step: number;
  /** Supernet epochs done. */
  epoch: number;
  activeMs: number;
}

/** What a SPOS checkpoint holds of the supernet phase: its weights and their SGD velocity. */
export const sposTensors = (t: Training): TrainedTensors => ({
  weights: t.net.weights,
  alphas: [],
  velocity: t.trainer.sgd.velocity,
  adam: null,
});

/** The checkpoint of `t` as it stands, with the latency table once measured. */
export const sposCheckpoint = async (
  t: Training,
  latency: LatencyTable | null = null,
): Promise<RunEvent> => ({
  type: 'checkpoint',
  checkpoint: await captureCheckpoint('spos', { ...t, latency }, sposTensors(t)),
});

/**
 * Carries a freshly built run on from `c` (the end of a supernet epoch, or of the latency phase):
 * restores the weights and velocity, the schedule's step, the batches and paths already drawn.
 */
export function resumeTraining(t: Training, c: RunCheckpoint): void {
  const atLatency = c.epoch === t.s.epochs;
  if (
    atLatency
      ? c.step !== t.totalSteps
      : c.epoch > t.s.epochs || c.step !== c.epoch * t.stepsPerEpoch
  )
    throw checkpointMismatch(
      `it stands at step ${c.step} (epoch ${c.epoch}), which is not the end of an epoch of this run (${t.stepsPerEpoch} step(s) per epoch, ${t.s.epochs} epoch(s)).`,
    );
  writeTensors(sposTensors(t), c);
  t.trainer.setSteps(c.step);
  t.stream.skip(c.step);
  for (let i = 0; i < c.step; i++) sampleSpos(t.spec.space, t.pathRng);
  t.step = c.step;
  t.epoch = c.epoch;
  t.activeMs = c.activeMs;
}

/** Test helpers for checkpoints: a tiny image experiment, whole runs collected, events compared without timings. */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { defaultExperiment } from '../core/experiment/defaults';
import type { ExperimentSpec, LoadedDataset, StrategySpec } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import { createRunControl } from '../core/run/control';
import type { RunEvent, RunStatus } from '../core/run/protocol';
import { runExperiment } from './runner';
import { microDarts, randomImages } from './spaces.testkit';

/** 4x4 single-channel random images of 3 classes: 24 training, 24 validation and 16 test examples. */
export function microData(): LoadedDataset {
  return randomImages(4, 4, 1, 3, [24, 24, 16]);
}

/** An experiment over the micro DARTS space (both cell roles) with `strategy` and `seed`. */
export function microSpec(strategy: StrategySpec, seed = 5): ExperimentSpec {
  return { ...defaultExperiment('teaching', 'spiral', seed), space: microDarts(), strategy };
}

/** A whole run of `spec` on `data` (carried on from `resume` when given). */
export interface CollectedRun {
  readonly status: RunStatus;
  readonly events: RunEvent[];
}

/** Runs `spec` to its end, collecting every event; checks that no tensor outlives the run. */
export async function runAll(
  spec: ExperimentSpec,
  data: LoadedDataset,
  resume?: RunCheckpoint,
): Promise<CollectedRun> {
  const before = tf.memory().numTensors;
  const events: RunEvent[] = [];
  const status = await runExperiment(spec, data, createRunControl(), (e) => events.push(e), resume);
  expect(tf.memory().numTensors).toBe(before);
  return { status, events };
}

/** The checkpoints of a run with their positions in its events. */
export function checkpointsOf(events: readonly RunEvent[]): { at: number; c: RunCheckpoint }[] {
  return events.flatMap((e, at) => (e.type === 'checkpoint' ? [{ at, c: e.checkpoint }] : []));
}

/** An event without what depends on the clock (active time, latency timings, the table's date). */
function timeless(e: RunEvent): unknown {
  switch (e.type) {
    case 'step':
      return { ...e, elapsedMs: 0 };
    case 'checkpoint': {
      const { latency } = e.checkpoint;
      const table = latency === null ? null : { ...latency, created: '' };
      return { ...e, checkpoint: { ...e.checkpoint, activeMs: 0, latency: table } };
    }
    case 'latency-table':
      return { ...e, table: { ...e.table, measured: 0, reused: 0, elapsedMs: 0 } };
    case 'latency-check':
      return { ...e, checks: e.checks.map((c) => ({ ...c, measuredMs: 0 })) };
    default:
      return e;
  }
}

/**
 * The events with clock-dependent numbers zeroed and without the latency phase's progress (how
 * many entries it measures depends on what this process measured before); everything else must
 * match bit for bit.
 */
export function withoutTimings(events: readonly RunEvent[]): unknown[] {
  return events.filter((e) => !(e.type === 'progress' && e.phase === 'latency')).map(timeless);
}

/**
 * Checks that `resumed`, carried on from the checkpoint at `at` of `full`, sends 'started' as the
 * full run did, the status naming the checkpoint's step, and then exactly the full run's events
 * after that checkpoint.
 */
export function expectSameContinuation(full: CollectedRun, at: number, resumed: CollectedRun) {
  const c = full.events[at];
  if (c?.type !== 'checkpoint') throw new Error(`event ${at} is not a checkpoint`);
  expect(resumed.status).toBe(full.status);
  expect(resumed.events[0]).toEqual(full.events[0]);
  expect(resumed.events[1]).toEqual({
    type: 'status',
    status: 'running',
    step: c.checkpoint.step,
    message: `Resumed from the checkpoint at step ${c.checkpoint.step}.`,
  });
  expect(withoutTimings(resumed.events.slice(2))).toEqual(
    withoutTimings(full.events.slice(at + 1)),
  );
}

/** The message of the 'failed' status that ends `run` (fails the test when it did not fail). */
export function failure(run: CollectedRun): string {
  const last = run.events[run.events.length - 1];
  expect(run.status).toBe('failed');
  if (last?.type !== 'status' || last.status !== 'failed') throw new Error('no failed status');
  return last.message;
}

/** Runs `spec` twice and expects the same finished genotype and metrics, and the same events but for clock readings. */
export async function expectIdenticalRuns(
  spec: ExperimentSpec,
  data: LoadedDataset,
): Promise<void> {
  const a = await runAll(spec, data);
  const b = await runAll(spec, data);
  expect(a.status).toBe('finished');
  const fa = a.events[a.events.length - 1];
  const fb = b.events[b.events.length - 1];
  if (fa?.type !== 'finished' || fb?.type !== 'finished') throw new Error('a run did not finish');
  expect(fb.genotype).toEqual(fa.genotype);
  expect(fb.metrics).toEqual(fa.metrics);
  expect(withoutTimings(b.events)).toEqual(withoutTimings(a.events));
}

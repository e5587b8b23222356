/** A DARTS run's checkpoint: what the loop saves after each epoch (loop.ts, dartsTensors) is restored here. */
import type { RunCheckpoint } from '../../core/run/checkpoint';
import { checkpointMismatch, writeTensors } from '../checkpoint';
import { dartsTensors, readArchitecture, type RunState, type SupernetSearchSpec } from './loop';

/**
 * Carries a freshly built DARTS (PC-DARTS, GDAS) run on from checkpoint `c` (the end of an epoch): restores weights,
 * alphas (and PC-DARTS's betas) and optimiser state, moves both batch streams past the batches already drawn, and takes
 * the step, epoch, active time and current genotype (so it is not announced again) from it.
 */
export async function resumeDarts(
  st: RunState<SupernetSearchSpec>,
  stepsPerEpoch: number,
  c: RunCheckpoint,
): Promise<void> {
  if (c.epoch >= st.spec.strategy.epochs || c.step !== c.epoch * stepsPerEpoch)
    throw checkpointMismatch(
      `it stands at step ${c.step} (epoch ${c.epoch}), which is not the end of an epoch before the last of this run (${stepsPerEpoch} step(s) per epoch, ${st.spec.strategy.epochs} epoch(s)).`,
    );
  writeTensors(dartsTensors(st), c);
  st.trainStream.skip(c.step);
  st.validStream.skip(c.step);
  st.step = c.step;
  st.epoch = c.epoch;
  st.activeMs = c.activeMs;
  if (c.diagnostics) st.diagnostics.memo = c.diagnostics;
  st.genotypeKey = JSON.stringify((await readArchitecture(st.spec, st.net)).genotype);
}

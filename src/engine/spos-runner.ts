/**
 * A whole Single Path One-Shot run (Guo et al., REFERENCE.md): train the supernet one uniformly
 * sampled path per step, then search its subnets (SPOS evolution or random search) scoring each
 * with inherited weights after BatchNorm recalibration, under the spec's params / FLOPs bounds.
 */
import type { ExperimentSpec, LoadedDataset, SposStrategySpec } from '../core/experiment/spec';
import { subnetCost } from '../core/cost/network-cost';
import { createRng, type Rng } from '../core/random';
import type { RunControl } from '../core/run/control';
import type { RunStatus } from '../core/run/protocol';
import type { Genotype } from '../core/search-space/types';
import { evolutionSearch } from '../core/strategies/evolution';
import { genotypePath } from '../core/strategies/path';
import { randomSearch } from '../core/strategies/random-search';
import type { Constraints, SearchHooks, SearchResult } from '../core/strategies/types';
import { createBatchStream, type BatchStream, type HostBatch } from './batches';
import { calibrationBatches } from './bn-recalibrate';
import {
  createStepGate,
  failedStatus,
  nonFiniteName,
  requireTrainAndValid,
  type Emit,
} from './step-gate';
import { createSposTrainer, trainSposSteps, type SposTrainer } from './spos';
import { evaluateSubnet, type SubnetScore } from './subnet-eval';
import { buildSupernet, type Supernet } from './supernet';

/** Thrown inside a subnet evaluation when the control stopped the run while it waited at the gate. */
class StopSignal extends Error {}

/** The spec's bounds as core constraints (a null bound is no constraint). */
export function sposConstraints(s: SposStrategySpec): Constraints {
  const out: { maxParams?: number; maxFlops?: number } = {};
  if (s.constraints.maxParams !== null) out.maxParams = s.constraints.maxParams;
  if (s.constraints.maxFlops !== null) out.maxFlops = s.constraints.maxFlops;
  return out;
}

/** What the supernet phase holds. */
interface Training {
  readonly spec: ExperimentSpec;
  readonly s: SposStrategySpec;
  readonly data: LoadedDataset;
  readonly trainer: SposTrainer;
  readonly stream: BatchStream;
  readonly pathRng: Rng;
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  step: number;
  activeMs: number;
}

/** Trains the supernet for every epoch under the control; false when the run was stopped. */
async function trainSupernet(t: Training, control: RunControl, emit: Emit): Promise<boolean> {
  const gate = createStepGate(control, emit, () => t.step);
  for (let epoch = 1; epoch <= t.s.epochs; epoch++) {
    for (let i = 0; i < t.stepsPerEpoch; i++) {
      if (!(await gate.proceed())) return false;
      const started = performance.now();
      const [r] = await trainSposSteps(
        t.trainer,
        t.spec.space,
        t.stream,
        t.data.input,
        t.pathRng,
        1,
      );
      t.activeMs += performance.now() - started;
      t.step += 1;
      if (!r) throw new Error(`Step ${t.step} reported nothing.`);
      if (!Number.isFinite(r.loss)) {
        gate.pauseForNonFinite(t.step, `training loss ${nonFiniteName(r.loss)}`);
        continue;
      }
      // SPOS has no architecture step: alphaLoss is NaN ("not measured").
      emit({
        type: 'step',
        step: t.step,
        epoch,
        trainLoss: r.loss,
        trainAcc: r.accuracy,
        alphaLoss: Number.NaN,
        elapsedMs: t.activeMs,
      });
    }
  }
  // A non-finite loss on the last step: stay paused before the search.
  if (gate.pausedForNonFinite() && !(await gate.proceed())) return false;
  return true;
}

/** Runs the spec's search over the trained supernet, emitting a 'subnet' event per evaluated record. */
async function searchSubnets(
  spec: ExperimentSpec,
  s: SposStrategySpec,
  data: LoadedDataset,
  net: Supernet,
  calibration: readonly HostBatch[],
  rng: Rng,
  control: RunControl,
  emit: Emit,
): Promise<SearchResult> {
  const hooks: SearchHooks = {
    rng,
    constraints: sposConstraints(s),
    cost: (g: Genotype) => {
      const c = subnetCost(spec.space, g, data.input, data.classes);
      return { params: c.params, flops: c.flops };
    },
    evaluate: async (g: Genotype) => {
      // Honour pause (and let control messages through) before each evaluation.
      if (!(await control.gate())) throw new StopSignal('stopped');
      const score = await evaluateSubnet(net, genotypePath(spec.space, g), data.valid, {
        input: data.input,
        calibration,
        batchSize: s.batchSize,
      });
      return { accuracy: score.accuracy };
    },
    onEvaluated: (r) =>
      emit({
        type: 'subnet',
        record: {
          key: r.key,
          genotype: r.genotype,
          accuracy: r.accuracy,
          params: r.params,
          flops: r.flops,
          generation: r.generation,
          origin: r.origin,
        },
      }),
    shouldStop: () => control.isStopped(),
  };
  if (s.search === 'random') return randomSearch(spec.space, { samples: s.samples }, hooks);
  return evolutionSearch(
    spec.space,
    {
      generations: s.generations,
      population: s.population,
      topK: s.topK,
      mutations: s.mutations,
      crossovers: s.crossovers,
      mutationProbability: s.mutationProb,
    },
    hooks,
  );
}

/**
 * Runs a SPOS experiment: emits 'started', phase 'supernet', per training step 'step' (alphaLoss is
 * NaN: SPOS has no architecture step; no 'alphas', 'genotype' or 'eval' events), phase 'search',
 * one 'subnet' per evaluated subnet (validation accuracy with inherited weights after BatchNorm
 * recalibration on fixed seeded training batches; none breaks the spec's constraints), and
 * 'finished' with the most accurate subnet's genotype, its train / valid / test metrics with
 * inherited weights, and empty `weights`. Gates every training step and every evaluation on
 * `control`; a non-finite loss pauses as DARTS does; a stop emits 'stopped'; an exception (or a
 * search that evaluates nothing) emits 'failed'. Never throws; every tensor it makes is disposed.
 */
export async function runSpos(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
): Promise<RunStatus> {
  let net: Supernet | null = null;
  let trainer: SposTrainer | null = null;
  let t: Training | null = null;
  const stopped = (step: number, message: string): RunStatus => {
    emit({ type: 'status', status: 'stopped', step, message });
    return 'stopped';
  };
  try {
    const s = spec.strategy;
    if (s.kind !== 'spos') throw new Error(`runSpos needs a 'spos' strategy, got '${s.kind}'.`);
    requireTrainAndValid(data, 'SPOS');
    const rng = createRng(spec.seed);
    const supernet = buildSupernet(spec.space, data.input, data.classes, rng.fork());
    net = supernet;
    const batchRng = rng.fork();
    const pathRng = rng.fork();
    const searchRng = rng.fork();
    const calibrationRng = rng.fork();
    const stepsPerEpoch = Math.ceil(data.train.count / s.batchSize);
    const totalSteps = s.epochs * stepsPerEpoch;
    trainer = createSposTrainer(net, {
      weightLr: s.weightLr,
      weightLrMin: s.weightLrMin,
      totalSteps,
      momentum: s.momentum,
      weightDecay: s.weightDecay,
      gradClip: s.gradClip,
    });
    t = {
      spec,
      s,
      data,
      trainer,
      stream: createBatchStream(data.train, data.input, s.batchSize, batchRng),
      pathRng,
      totalSteps,
      stepsPerEpoch,
      step: 0,
      activeMs: 0,
    };
    emit({
      type: 'started',
      totalSteps,
      stepsPerEpoch,
      cells: net.edgeLabels,
      trainCount: data.train.count,
      validCount: data.valid.count,
      testCount: data.test.count,
      paramCount: net.paramCount,
    });
    emit({
      type: 'phase',
      phase: 'supernet',
      message: `Training the supernet for ${totalSteps} step(s), one uniformly sampled path per step.`,
    });
    if (!(await trainSupernet(t, control, emit)))
      return stopped(t.step, `The run was stopped after step ${t.step} of ${totalSteps}.`);
    emit({
      type: 'phase',
      phase: 'search',
      message:
        s.search === 'random'
          ? `Searching ${s.samples} random subnet(s) with inherited weights.`
          : `Searching with evolution: ${s.generations} generation(s) of ${s.population}.`,
    });
    const calibration = calibrationBatches(
      data.train,
      data.input,
      s.batchSize,
      s.calibrationBatches,
      calibrationRng,
    );
    let result: SearchResult;
    try {
      result = await searchSubnets(spec, s, data, supernet, calibration, searchRng, control, emit);
    } catch (err) {
      if (err instanceof StopSignal)
        return stopped(t.step, 'The run was stopped during the search.');
      throw err;
    }
    if (result.end === 'stopped' || control.isStopped())
      return stopped(t.step, `The run was stopped during the search. ${result.message}`);
    const best = result.best;
    if (best === null)
      throw new Error(`The search evaluated no subnet: ${result.message} Loosen the constraints.`);
    const path = genotypePath(spec.space, best.genotype);
    const o = { input: data.input, calibration, batchSize: s.batchSize };
    const score = async (split: LoadedDataset['train']): Promise<SubnetScore> =>
      evaluateSubnet(supernet, path, split, o);
    const train = await score(data.train);
    const valid = await score(data.valid);
    const test = await score(data.test);
    emit({
      type: 'finished',
      step: t.step,
      genotype: best.genotype,
      metrics: {
        trainAcc: train.accuracy,
        validAcc: valid.accuracy,
        testAcc: test.accuracy,
        trainLoss: train.loss,
        validLoss: valid.loss,
        testLoss: test.loss,
      },
      weights: {},
    });
    return 'finished';
  } catch (err) {
    emit(failedStatus(t?.step ?? 0, err));
    return 'failed';
  } finally {
    trainer?.dispose();
    net?.dispose();
  }
}

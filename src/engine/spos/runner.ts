/**
 * A whole Single Path One-Shot run (Guo et al., REFERENCE.md): train the supernet one uniformly
 * sampled path per step, measure the latency lookup table on this device, then search its subnets
 * (SPOS evolution or random search) scoring each with inherited weights after BatchNorm
 * recalibration on one fixed validation subset, as the paper scores every candidate on the same
 * held-out images, under the spec's params / FLOPs / latency bounds, and time a few of them whole.
 */
import { fixedSubset } from '../../core/data/subset';
import type {
  DataSplit,
  ExperimentSpec,
  LoadedDataset,
  SposStrategySpec,
} from '../../core/experiment/spec';
import type { LatencyTable } from '../../core/cost/latency';
import { createRng, type Rng } from '../../core/random';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { RunStatus } from '../../core/run/protocol';
import type { Genotype } from '../../core/search-space/types';
import { evolutionSearch } from '../../core/strategies/evolution';
import { genotypePath } from '../../core/strategies/path';
import { randomSearch } from '../../core/strategies/random-search';
import type { SearchHooks, SearchResult } from '../../core/strategies/types';
import { createBatchStream, type HostBatch } from '../batches';
import { calibrationBatches } from '../bn-recalibrate';
import { resumedLatency, resumedStatus } from '../checkpoint';
import { resumeTraining, sposCheckpoint, type Training } from './checkpoint';
import { runCheckPhase } from '../search-check';
import { runLifecycle } from '../run-lifecycle';
import {
  reportEvaluations,
  runLatencyPhase,
  searchConstraints,
  searchCost,
  type SearchTarget,
} from '../search-latency';
import { createStepGate, nonFiniteName, type Emit } from '../step-gate';
import { createSposTrainer, trainSposSteps } from './trainer';
import { evaluateSubnet, type SubnetScore } from '../subnet-eval';
import { buildSupernet, type Supernet } from '../supernet';

/** Thrown inside a subnet evaluation when the control stopped the run while it waited at the gate. */
class StopSignal extends Error {}

/** Subnets the search of `s` evaluates at most: generations x population, or the random samples. */
export function sposSearchBudget(s: SposStrategySpec): number {
  return s.search === 'random' ? s.samples : s.generations * s.population;
}

/** Trains the supernet for every epoch after `t.epoch` under the control, a checkpoint after each but the last; false when stopped. */
async function trainSupernet(t: Training, control: RunControl, emit: Emit): Promise<boolean> {
  const gate = createStepGate(control, emit, () => t.step);
  for (let epoch = t.epoch + 1; epoch <= t.s.epochs; epoch++) {
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
    t.epoch = epoch;
    if (epoch < t.s.epochs) emit(await sposCheckpoint(t));
  }
  // A non-finite loss on the last step: stay paused before the search.
  if (gate.pausedForNonFinite() && !(await gate.proceed())) return false;
  return true;
}

/** The trained supernet a search scores subnets with, the fixed validation subset and calibration batches, the latency table and the search's rng. */
interface Searched {
  readonly net: Supernet;
  readonly subset: DataSplit;
  readonly calibration: readonly HostBatch[];
  readonly table: LatencyTable | null;
  readonly rng: Rng;
}

/** Runs the spec's search over the trained supernet, emitting 'subnet' and 'progress' per evaluated record. */
async function searchSubnets(
  target: SearchTarget,
  s: SposStrategySpec,
  data: LoadedDataset,
  { net, subset, calibration, table, rng }: Searched,
  control: RunControl,
  emit: Emit,
): Promise<SearchResult> {
  const hooks: SearchHooks = {
    rng,
    constraints: searchConstraints(s.constraints),
    cost: searchCost(target, table),
    evaluate: async (g: Genotype) => {
      // Honour pause (and let control messages through) before each evaluation.
      if (!(await control.gate())) throw new StopSignal('stopped');
      const score = await evaluateSubnet(net, genotypePath(target.space, g), subset, {
        input: data.input,
        calibration,
        batchSize: s.batchSize,
      });
      return { accuracy: score.accuracy };
    },
    onEvaluated: reportEvaluations(emit, 'inherited', sposSearchBudget(s)),
    shouldStop: () => control.isStopped(),
  };
  if (s.search === 'random') return randomSearch(target.space, { samples: s.samples }, hooks);
  return evolutionSearch(
    target.space,
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
 * NaN: SPOS has no architecture step; no 'alphas', 'genotype' or 'eval' events), phase 'latency'
 * (search-latency.ts), phase 'search' with one 'subnet' (evaluation 'inherited': accuracy with
 * inherited weights after BatchNorm recalibration on fixed seeded training batches, on one fixed
 * seeded subset of `validSubset` validation examples, the same for every candidate (core fixedSubset);
 * latencyMs priced by the table; none breaks the spec's constraints) and one 'progress' per
 * evaluated subnet, phase 'check' (search-check.ts), and 'finished' with the most accurate
 * subnet's genotype, its train / valid / test metrics with inherited weights, and empty
 * `weights`. Gates every training step, evaluation and end-to-end timing on `control`; a
 * non-finite loss pauses as DARTS does; a stop in any phase emits 'stopped'; an exception (or a
 * search that evaluates nothing) emits 'failed'. Never throws; every tensor it makes is disposed.
 * A 'checkpoint' follows every supernet epoch but the last, and the latency phase. With `resume`
 * the run is built as a fresh one and carried on from that checkpoint ('started', a 'running'
 * status, then the events after it); resumed after the latency phase it trains and measures
 * nothing and searches with the checkpoint's table.
 */
export async function runSpos(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle('spos', spec, data, emit, resume, async (run) => {
    const { stopped } = run;
    const s = run.strategy;
    const rng = createRng(spec.seed);
    const supernet = run.own(buildSupernet(spec.space, data.input, data.classes, rng.fork()));
    const net = supernet;
    const batchRng = rng.fork();
    const pathRng = rng.fork();
    const searchRng = rng.fork();
    const calibrationRng = rng.fork();
    // Forked last, so the streams above are those of runs made before the subset existed.
    const subsetRng = rng.fork();
    const stepsPerEpoch = Math.ceil(data.train.count / s.batchSize);
    const totalSteps = s.epochs * stepsPerEpoch;
    const trainer = run.own(createSposTrainer(net, { ...s, totalSteps }));
    const t: Training = {
      spec,
      s,
      data,
      net,
      trainer,
      stream: createBatchStream(data.train, data.input, s.batchSize, batchRng),
      pathRng,
      totalSteps,
      stepsPerEpoch,
      step: 0,
      epoch: 0,
      activeMs: 0,
    };
    run.at(() => t.step);
    if (resume) resumeTraining(t, resume);
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
    emit(
      resume
        ? resumedStatus(resume)
        : {
            type: 'phase',
            phase: 'supernet',
            message: `Training the supernet for ${totalSteps} step(s), one uniformly sampled path per step.`,
          },
    );
    const measured = resume !== undefined && resume.epoch === s.epochs;
    if (!measured && !(await trainSupernet(t, control, emit)))
      return stopped(t.step, `The run was stopped after step ${t.step} of ${totalSteps}.`);
    const target: SearchTarget = { space: spec.space, input: data.input, classes: data.classes };
    const table = measured
      ? resumedLatency(resume, s.constraints)
      : await runLatencyPhase(target, s.constraints, control, emit);
    if (table === 'stopped') return stopped(t.step, 'The run was stopped while measuring latency.');
    if (!measured) emit(await sposCheckpoint(t, table));
    const subset = fixedSubset(data.valid, s.validSubset, subsetRng);
    const scoredOn =
      subset === data.valid
        ? `all ${subset.count} validation examples`
        : `the same ${subset.count} of the ${data.valid.count} validation examples`;
    emit({
      type: 'phase',
      phase: 'search',
      message: `${
        s.search === 'random'
          ? `Searching ${s.samples} random subnet(s) with inherited weights.`
          : `Searching with evolution: ${s.generations} generation(s) of ${s.population}.`
      } Each is scored on ${scoredOn}.`,
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
      const searched = { net: supernet, subset, calibration, table, rng: searchRng };
      result = await searchSubnets(target, s, data, searched, control, emit);
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
    // A search that ran out of new feasible subnets says so (the bounds may be too tight).
    if (result.end === 'exhausted')
      emit({ type: 'status', status: 'running', step: t.step, message: result.message });
    if (!(await runCheckPhase(target, table, result.records, control, emit)))
      return stopped(t.step, 'The run was stopped while timing subnets.');
    const path = genotypePath(spec.space, best.genotype);
    const o = { input: data.input, calibration, batchSize: s.batchSize };
    const score = async (split: LoadedDataset['train']): Promise<SubnetScore> =>
      evaluateSubnet(supernet, path, split, o);
    const [train, valid, test] = [
      await score(data.train),
      await score(data.valid),
      await score(data.test),
    ];
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
  });
}

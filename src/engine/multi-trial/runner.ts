/**
 * A multi-trial baseline run, without weight sharing: random search or regularized (aging)
 * evolution (Real et al.) over the space, each candidate trained from scratch for the spec's short
 * budget (trainStandalone) and scored on the validation split, under the spec's params / FLOPs /
 * latency bounds, with the latency table measured before the search and checked after it.
 * Evolution may start from a zero-cost warm-up (warmup.ts) instead of a random first population.
 */
import { subnetRange } from '../../core/cost/network-cost';
import type {
  ExperimentSpec,
  LoadedDataset,
  MultiTrialStrategySpec,
  WeightTrainingSpec,
} from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { EdgeLabel, RunStatus } from '../../core/run/protocol';
import type { CellRole, CellSpec, Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { agingEvolution } from '../../core/strategies/aging-evolution';
import { genotypeKey } from '../../core/strategies/genotype-key';
import { randomSearch } from '../../core/strategies/random-search';
import type { SearchHooks, SearchResult } from '../../core/strategies/types';
import { resumedLatency, resumedStatus } from '../checkpoint';
import {
  createTrialLog,
  recordTrial,
  replayedTrial,
  reportTrial,
  requireTrialsCheckpoint,
  trialMemo,
  trialsCheckpoint,
  type TrialLog,
} from './checkpoint';
import { runCheckPhase } from '../search-check';
import { runLifecycle } from '../run-lifecycle';
import {
  runLatencyPhase,
  searchConstraints,
  searchCost,
  type SearchTarget,
} from '../search-latency';
import { type Emit } from '../step-gate';
import { StandaloneStopped, trainStandalone } from '../standalone';
import { createProxyScorer, PROXY_BATCH_SIZE } from '../proxies/scorer';
import { runWarmup, warmupProxyOf, type WarmupOutcome } from './warmup';

/** Thrown inside a trial when the control stopped the run while it waited at the gate. */
class StopSignal extends Error {}

/** The per-trial training budget and optimiser: the strategy's WeightTrainingSpec fields. */
export function trialBudget(s: MultiTrialStrategySpec): WeightTrainingSpec {
  const { epochs, batchSize, weightLr, weightLrMin, momentum, weightDecay, gradClip } = s;
  return { epochs, batchSize, weightLr, weightLrMin, momentum, weightDecay, gradClip };
}

/**
 * The seed of the trial training genotype `key` in a run seeded `seed` (FNV-1a over both): the
 * same subnet gets the same weights and batch order whichever search or trial order reaches it.
 */
export function trialSeed(seed: number, key: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed >>> 0}|${key}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The searched cells' edges, as charts label them. */
export function edgeLabels(space: SearchSpaceSpec): Partial<Record<CellRole, EdgeLabel[]>> {
  const labels = (cell: CellSpec): EdgeLabel[] =>
    cell.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, ops: [...e.ops] }));
  return space.reduce
    ? { normal: labels(space.normal), reduce: labels(space.reduce) }
    : { normal: labels(space.normal) };
}

/** What a run holds while its trials train. */
interface Trials extends TrialLog {
  readonly spec: ExperimentSpec;
  readonly s: MultiTrialStrategySpec;
  readonly data: LoadedDataset;
  readonly stepsPerTrial: number;
}

/**
 * Trains `g` from scratch as one trial: waits at the control's gate first (so a pause holds
 * between trials), stops mid-training when the control stops, and after training emits one
 * 'step' at the weight steps done so far across trials with the trial's mean training loss of
 * its last epoch (trainAcc and alphaLoss NaN: not measured). A trial the resumed checkpoint
 * finished is answered from it, silently.
 */
async function trainTrial(
  t: Trials,
  g: Genotype,
  control: RunControl,
  emit: Emit,
): Promise<{ accuracy: number }> {
  const key = genotypeKey(t.spec.space, g);
  const replayed = replayedTrial(t.replay, t.done, key);
  if (replayed !== null) {
    recordTrial(t, replayed);
    return { accuracy: replayed.validAcc };
  }
  if (!(await control.gate())) throw new StopSignal('stopped');
  const before = t.step;
  const started = performance.now();
  const r = await trainStandalone(
    t.spec.space,
    g,
    t.data,
    {
      ...trialBudget(t.s),
      seed: trialSeed(t.spec.seed, key),
      calibrationBatches: t.s.calibrationBatches,
    },
    {
      shouldStop: () => control.isStopped(),
      onStep: (step) => {
        t.step = before + step;
      },
    },
  );
  t.activeMs += performance.now() - started;
  t.step = before;
  recordTrial(t, trialMemo(key, r));
  emit({
    type: 'step',
    step: t.step,
    epoch: t.done * t.s.epochs,
    trainLoss: r.trainLoss,
    trainAcc: Number.NaN,
    alphaLoss: Number.NaN,
    elapsedMs: t.activeMs,
  });
  return { accuracy: r.valid.accuracy };
}

/**
 * Runs the spec's search, one trial per candidate, emitting 'subnet', 'progress' and 'checkpoint'
 * per trained subnet (nothing for the trials a resumed checkpoint answers); evolution starts from
 * the warm-up's members when there is one (their records carry the warm-up proxy's score).
 */
function searchTrials(
  t: Trials,
  target: SearchTarget,
  hooks: Omit<SearchHooks, 'evaluate' | 'onEvaluated' | 'rng'>,
  warmup: WarmupOutcome | null,
  control: RunControl,
  emit: Emit,
): Promise<SearchResult> {
  const { s } = t;
  const proxy = warmupProxyOf(s);
  const all: SearchHooks = {
    ...hooks,
    rng: createRng(t.spec.seed).fork(),
    evaluate: (g) => trainTrial(t, g, control, emit),
    onEvaluated: reportTrial(t, s.trials, emit, (key) => {
      const score = warmup?.chosenScores.get(key);
      return proxy === null || score === undefined ? undefined : { [proxy]: score };
    }),
  };
  if (s.search === 'random') return randomSearch(target.space, { samples: s.trials }, all);
  return agingEvolution(
    target.space,
    {
      population: s.population,
      sample: s.sample,
      cycles: s.trials,
      ...(warmup === null ? {} : { initial: warmup.initial }),
    },
    all,
  );
}

/**
 * Runs a multi-trial experiment: emits 'started' (totalSteps = trials x weight steps per trial,
 * stepsPerEpoch = steps of one trial epoch; paramCount = the largest subnet's params, since no
 * supernet is trained), phase 'latency' (search-latency.ts), phase 'search' with, per trial, one
 * 'step' (see trainTrial), one 'subnet' (evaluation 'standalone': validation accuracy after the
 * short training from scratch, seeded by the spec's seed and the genotype, so the same spec gives
 * the same records; latencyMs priced by the table; none breaks the spec's constraints) and one
 * 'progress' of the trials (evolution with a warm-up first scores its pool, warmup.ts: a phase
 * 'search' saying so, a 'progress' through the pool per score, checkpoints carrying the scores); then phase 'check' (search-check.ts) and 'finished' with the most
 * accurate subnet's genotype, the validation and test metrics of its trial (train metrics NaN:
 * trials do not score the training split), and empty `weights`. Pause holds between trials; a stop
 * (also mid-trial) emits 'stopped'; an exception (or a search that trains nothing) emits
 * 'failed'. A trial whose loss diverges is recorded as it scores (the next one starts afresh).
 * Never throws; every tensor it makes is disposed. A 'checkpoint' follows the latency phase and
 * every trial; with `resume` the run emits 'started' and a 'running' status, skips the latency
 * phase (using the checkpoint's table) and replays the search, the checkpoint's trials answered
 * from it without events, so only the events after that checkpoint follow.
 */
export async function runMultiTrial(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle('multi-trial', spec, data, emit, resume, async (run) => {
    const { stopped } = run;
    const s = run.strategy;
    const warmupProxy = warmupProxyOf(s);
    if (resume) requireTrialsCheckpoint(resume, s.trials, warmupProxy !== null);
    const target: SearchTarget = { space: spec.space, input: data.input, classes: data.classes };
    const stepsPerEpoch = Math.ceil(data.train.count / s.batchSize);
    const t: Trials = {
      spec,
      s,
      data,
      stepsPerTrial: s.epochs * stepsPerEpoch,
      ...createTrialLog(resume, warmupProxy !== null),
    };
    run.at(() => t.step);
    emit({
      type: 'started',
      totalSteps: s.trials * t.stepsPerTrial,
      stepsPerEpoch,
      cells: edgeLabels(spec.space),
      trainCount: data.train.count,
      validCount: data.valid.count,
      testCount: data.test.count,
      paramCount: subnetRange(spec.space, data.input, data.classes).params.max,
    });
    if (resume) emit(resumedStatus(resume));
    const table = resume
      ? resumedLatency(resume, s.constraints)
      : await runLatencyPhase(target, s.constraints, control, emit);
    if (table === 'stopped') return stopped(0, 'The run was stopped while measuring latency.');
    t.table = table;
    if (!resume) emit(trialsCheckpoint(t));
    const hooks = {
      constraints: searchConstraints(s.constraints),
      cost: searchCost(target, table),
      shouldStop: () => control.isStopped(),
    };
    let warmup: WarmupOutcome | null = null;
    if (warmupProxy !== null) {
      const outcome = await runWarmup(
        {
          spec,
          proxy: warmupProxy,
          pool: s.warmupPool,
          population: Math.min(s.population, s.trials),
          cost: hooks.cost,
          constraints: hooks.constraints,
          log: t,
          scorer: () =>
            run.own(createProxyScorer(data, { seed: spec.seed, batchSize: PROXY_BATCH_SIZE })),
          ...(resume ? { resume } : {}),
        },
        control,
        emit,
      );
      if (outcome === 'stopped')
        return stopped(
          0,
          `The run was stopped during the warm-up, after scoring ${t.warmup?.length ?? 0} architecture(s).`,
        );
      warmup = outcome;
    }
    // A run resumed after a trial is already in the search phase.
    if (!resume || resume.epoch === 0)
      emit({
        type: 'phase',
        phase: 'search',
        message: `Training ${s.trials} subnet(s) from scratch for ${s.epochs} epoch(s) each, chosen by ${
          s.search === 'random'
            ? 'random search'
            : `regularized evolution (population ${s.population}, sample ${s.sample}${
                warmup === null ? '' : `, first population from the ${warmupProxy} warm-up`
              })`
        }.`,
      });
    let result: SearchResult;
    try {
      result = await searchTrials(t, target, hooks, warmup, control, emit);
    } catch (err) {
      if (err instanceof StandaloneStopped)
        return stopped(
          t.step,
          `The run was stopped during trial ${t.done + 1}, at step ${t.step}.`,
        );
      if (err instanceof StopSignal)
        return stopped(t.step, `The run was stopped after ${t.done} trial(s).`);
      throw err;
    }
    if (result.end === 'stopped' || control.isStopped())
      return stopped(t.step, `The run was stopped during the search. ${result.message}`);
    const best = result.best;
    const scores = best === null ? undefined : t.scores.get(best.key);
    if (best === null || scores === undefined)
      throw new Error(`The search trained no subnet: ${result.message} Loosen the constraints.`);
    // A search that ran out of new feasible subnets says so (the bounds may be too tight).
    if (result.end === 'exhausted')
      emit({ type: 'status', status: 'running', step: t.step, message: result.message });
    if (!(await runCheckPhase(target, table, result.records, control, emit)))
      return stopped(t.step, 'The run was stopped while timing subnets.');
    emit({
      type: 'finished',
      step: t.step,
      genotype: best.genotype,
      metrics: {
        trainAcc: Number.NaN,
        validAcc: scores.valid.accuracy,
        testAcc: scores.test.accuracy,
        trainLoss: Number.NaN,
        validLoss: scores.valid.loss,
        testLoss: scores.test.loss,
      },
      weights: {},
    });
    return 'finished';
  });
}

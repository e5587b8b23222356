/**
 * A zero-cost run (Abdelfattah et al. 2021): every architecture of the space (a seeded sample of a
 * space over 20,000) scored at initialisation by the spec's proxy, then the top k by that score
 * trained stand-alone with the spec's budget and scored with every proxy, so the run can show which
 * proxy ranked them as training did.
 */
import { subnetRange } from '../../core/cost/network-cost';
import type { ExperimentSpec, LoadedDataset, WeightTrainingSpec } from '../../core/experiment/spec';
import { PROXY_NAMES, type ProxyName } from '../../core/proxies/names';
import { topScored } from '../../core/proxies/top-k';
import { zeroCostGenotypes } from '../../core/proxies/zero-cost-plan';
import { createRng } from '../../core/random';
import type { RunCheckpoint, TrialMemo } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { RunStatus, SubnetRecord } from '../../core/run/protocol';
import type { Genotype } from '../../core/search-space/types';
import { genotypeKey } from '../../core/strategies/genotype-key';
import { resumedStatus } from '../checkpoint';
import { trialMemo } from '../multi-trial/checkpoint';
import { edgeLabels, trialSeed } from '../multi-trial/runner';
import { createProxyScorer, PROXY_BATCH_SIZE, type ProxyScorer } from '../proxies/scorer';
import { runLifecycle } from '../run-lifecycle';
import { StandaloneStopped, trainStandalone } from '../standalone';
import type { Emit } from '../step-gate';
import {
  createZeroCostLog,
  requireZeroCostCheckpoint,
  zeroCostCheckpoint,
  type ZeroCostLog,
} from './checkpoint';

/** Architectures scored between two checkpoints. */
export const SCORES_PER_CHECKPOINT = 50;

/** The record of architecture `genotype`: accuracy NaN until it is trained, its costs and proxy scores. */
function scoredRecord(
  spec: ExperimentSpec,
  genotype: Genotype,
  cost: { readonly params: number; readonly flops: number },
  proxies: Partial<Record<ProxyName, number>>,
): SubnetRecord {
  return {
    key: genotypeKey(spec.space, genotype),
    genotype,
    accuracy: Number.NaN,
    evaluation: 'proxy',
    params: cost.params,
    flops: cost.flops,
    latencyMs: null,
    generation: 0,
    origin: 'random',
    proxies,
  };
}

/** Every proxy's scores in PROXY_NAMES order, as a record. */
function proxyRecord(values: Float64Array): Partial<Record<ProxyName, number>> {
  const out: Partial<Record<ProxyName, number>> = {};
  PROXY_NAMES.forEach((name, i) => {
    out[name] = values[i] ?? Number.NaN;
  });
  return out;
}

/** The stand-alone training budget of the top k: the strategy's WeightTrainingSpec fields. */
function trainingBudget(s: WeightTrainingSpec): WeightTrainingSpec {
  const { epochs, batchSize, weightLr, weightLrMin, momentum, weightDecay, gradClip } = s;
  return { epochs, batchSize, weightLr, weightLrMin, momentum, weightDecay, gradClip };
}

/** What the scoring phase needs. */
interface Scoring {
  readonly spec: ExperimentSpec;
  readonly proxy: ProxyName;
  readonly genotypes: readonly Genotype[];
  readonly scorer: ProxyScorer;
  readonly log: ZeroCostLog;
}

/**
 * Scores the architectures the log has not scored yet, emitting per architecture a 'subnet'
 * (evaluation 'proxy') and a 'progress', and a 'checkpoint' every SCORES_PER_CHECKPOINT and after
 * the last; waits at the gate before each. Gives false when the run was stopped.
 */
async function scoreAll(z: Scoring, control: RunControl, emit: Emit): Promise<boolean> {
  const total = z.genotypes.length;
  for (let i = z.log.scores.length; i < total; i++) {
    if (!(await control.gate())) return false;
    const genotype = z.genotypes[i] as Genotype;
    const r = await z.scorer.score(z.spec.space, genotype, [z.proxy]);
    const score = r.proxies[z.proxy] ?? Number.NaN;
    z.log.scores.push(score);
    emit({ type: 'subnet', record: scoredRecord(z.spec, genotype, r, { [z.proxy]: score }) });
    emit({ type: 'progress', phase: 'search', done: i + 1, total });
    if ((i + 1) % SCORES_PER_CHECKPOINT === 0 || i + 1 === total) emit(zeroCostCheckpoint(z.log));
  }
  return true;
}

/**
 * Trains architecture `genotype` stand-alone and scores it with every proxy, recording both in the
 * log; emits a 'subnet-update' (evaluation 'standalone', every proxy's score), a 'step', a
 * 'progress' of the `k` and a 'checkpoint'. Throws StandaloneStopped when stopped mid-training.
 */
async function trainOne(
  z: Scoring & {
    readonly k: number;
    readonly budget: WeightTrainingSpec;
    readonly calibrationBatches: number;
  },
  data: LoadedDataset,
  genotype: Genotype,
  control: RunControl,
  emit: Emit,
): Promise<TrialMemo> {
  const key = genotypeKey(z.spec.space, genotype);
  const before = z.log.step;
  const started = performance.now();
  const r = await trainStandalone(
    z.spec.space,
    genotype,
    data,
    { ...z.budget, seed: trialSeed(z.spec.seed, key), calibrationBatches: z.calibrationBatches },
    {
      shouldStop: () => control.isStopped(),
      onStep: (step) => {
        z.log.step = before + step;
      },
    },
  );
  const all = await z.scorer.score(z.spec.space, genotype, PROXY_NAMES);
  const proxies = Float64Array.from(PROXY_NAMES, (p) => all.proxies[p] ?? Number.NaN);
  z.log.activeMs += performance.now() - started;
  z.log.step = before + r.steps;
  const memo = trialMemo(key, r);
  z.log.trained.push(memo);
  z.log.trainedProxies.push(proxies);
  emit({
    type: 'subnet-update',
    record: {
      ...scoredRecord(z.spec, genotype, all, proxyRecord(proxies)),
      accuracy: r.valid.accuracy,
      evaluation: 'standalone',
    },
  });
  emit({
    type: 'step',
    step: z.log.step,
    epoch: z.log.trained.length * z.budget.epochs,
    trainLoss: r.trainLoss,
    trainAcc: Number.NaN,
    alphaLoss: Number.NaN,
    elapsedMs: z.log.activeMs,
  });
  emit({ type: 'progress', phase: 'standalone', done: z.log.trained.length, total: z.k });
  emit(zeroCostCheckpoint(z.log));
  return memo;
}

/**
 * Runs a zero-cost experiment: emits 'started' (totalSteps = k x the weight steps of one
 * stand-alone training; paramCount = the largest architecture's params), phase 'search' with, per
 * architecture in scoring order (zero-cost-plan.ts), one 'subnet' (evaluation 'proxy', accuracy
 * NaN, `proxies` holding the spec's proxy's score) and one 'progress'; then phase 'standalone' with,
 * per architecture of the top k (by that score, best first, NaN never), its stand-alone training
 * seeded by the spec's seed and the genotype (as multi-trial's trials), one 'subnet-update'
 * (evaluation 'standalone', validation accuracy, every proxy's score), one 'step' and one
 * 'progress'; and 'finished' with the most accurate trained architecture (the best-scored one,
 * metrics NaN, when k is 0). The proxies score on one seeded mini-batch of 64 training examples
 * with weights initialised from the spec's seed (scorer.ts). Pause holds between architectures; a
 * stop (also mid-training) emits 'stopped'; an exception emits 'failed'. Never throws; every
 * tensor it makes is disposed. Checkpoints: every SCORES_PER_CHECKPOINT scores, after the last,
 * and after each training; with `resume` the run emits 'started' and a 'running' status and
 * carries on after the checkpoint's last score or training, with only the events after it.
 */
export async function runZeroCost(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle('zero-cost', spec, data, emit, resume, async (run) => {
    const { stopped } = run;
    const s = run.strategy;
    const genotypes = zeroCostGenotypes(spec.space, s.architectures, createRng(spec.seed).fork());
    const total = genotypes.length;
    const k = Math.min(s.topK, total);
    if (resume) requireZeroCostCheckpoint(resume, total, k);
    const log = createZeroCostLog(resume);
    run.at(() => log.step);
    const stepsPerEpoch = Math.ceil(data.train.count / s.batchSize);
    emit({
      type: 'started',
      totalSteps: k * s.epochs * stepsPerEpoch,
      stepsPerEpoch,
      cells: edgeLabels(spec.space),
      trainCount: data.train.count,
      validCount: data.valid.count,
      testCount: data.test.count,
      paramCount: subnetRange(spec.space, data.input, data.classes).params.max,
    });
    if (resume) emit(resumedStatus(resume));
    const scorer = run.own(
      createProxyScorer(data, { seed: spec.seed, batchSize: PROXY_BATCH_SIZE }),
    );
    const z = {
      spec,
      proxy: s.proxy,
      genotypes,
      scorer,
      log,
      k,
      budget: trainingBudget(s),
      calibrationBatches: s.calibrationBatches,
    };
    if (log.scores.length < total) {
      // A run resumed while scoring is already in the scoring phase.
      if (log.scores.length === 0)
        emit({
          type: 'phase',
          phase: 'search',
          message: `Scoring ${total.toLocaleString('en-US')} architecture(s) with ${s.proxy} at initialisation.`,
        });
      if (!(await scoreAll(z, control, emit)))
        return stopped(
          0,
          `The run was stopped after scoring ${log.scores.length} of ${total} architecture(s).`,
        );
    }
    const top = topScored(log.scores, k);
    // A run resumed after a training is already in the training phase.
    if (log.trained.length === 0 && top.length > 0)
      emit({
        type: 'phase',
        phase: 'standalone',
        message: `Training the ${top.length} best-scored architecture(s) stand-alone for ${s.epochs} epoch(s) each, then scoring them with every proxy.`,
      });
    for (let j = log.trained.length; j < top.length; j++) {
      if (!(await control.gate()))
        return stopped(
          log.step,
          `The run was stopped after training ${j} of ${top.length} architecture(s).`,
        );
      try {
        await trainOne(z, data, genotypes[top[j] ?? 0] as Genotype, control, emit);
      } catch (err) {
        if (err instanceof StandaloneStopped)
          return stopped(
            log.step,
            `The run was stopped while training architecture ${j + 1} of ${top.length}.`,
          );
        throw err;
      }
    }
    let chosen: { memo: TrialMemo; genotype: Genotype } | null = null;
    for (let j = 0; j < log.trained.length; j++) {
      const memo = log.trained[j] as TrialMemo;
      if (chosen === null || memo.validAcc > chosen.memo.validAcc)
        chosen = { memo, genotype: genotypes[top[j] ?? 0] as Genotype };
    }
    const first = top[0];
    if (chosen === null && first === undefined)
      throw new Error(
        `No architecture got a score from ${s.proxy}: it is undefined on every one (NaN). Choose another proxy.`,
      );
    emit({
      type: 'finished',
      step: log.step,
      genotype: chosen ? chosen.genotype : (genotypes[first ?? 0] as Genotype),
      metrics: {
        trainAcc: Number.NaN,
        validAcc: chosen ? chosen.memo.validAcc : Number.NaN,
        testAcc: chosen ? chosen.memo.testAcc : Number.NaN,
        trainLoss: Number.NaN,
        validLoss: chosen ? chosen.memo.validLoss : Number.NaN,
        testLoss: chosen ? chosen.memo.testLoss : Number.NaN,
      },
      weights: {},
    });
    return 'finished';
  });
}

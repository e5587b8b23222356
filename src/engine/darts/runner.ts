/** The whole DARTS search (and PC-DARTS's and GDAS's, which differ in their supernet or their trainer): build, train step by step under a run control, evaluate, select, report. */
import type {
  DartsSettings,
  ExperimentSpec,
  LoadedDataset,
  StrategySpec,
} from '../../core/experiment/spec';
import { createRng, type Rng } from '../../core/random';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { RunEvent, RunStatus } from '../../core/run/protocol';
import { createBatchStream } from '../batches';
import { resumedStatus } from '../checkpoint';
import { inheritedSubnet, perturbationSelection } from '../darts-selection';
import { createDiagnosticsState } from '../diagnostics/epoch';
import { evaluateSplit, type SplitScore } from '../evaluate';
import { prepareSearchLatency } from '../latency-loss/search-term';
import type { LatencyTerm } from '../latency-loss/term';
import { runLifecycle, type Owned, type RunScope } from '../run-lifecycle';
import { buildSupernet, type Supernet, type SupernetOptions } from '../supernet';
import { resumeDarts } from './checkpoint';
import {
  readArchitecture,
  searchLoop,
  type Emit,
  type RunState,
  type SearchTrainer,
  type SupernetSearchSpec,
} from './loop';
import { createDartsTrainer } from './trainer';

/** Whether a run selects its cell by DARTS's rules (magnitude or perturbation): a DARTS run. */
function isDartsRun(st: RunState<SupernetSearchSpec>): st is RunState<DartsSettings> {
  return 'selection' in st.strategy;
}

/**
 * Final metrics of the trained supernet on all three splits (the last epoch's validation score is
 * reused), the magnitude-derived cell's 'subnet' event (its calibration batches drawn with
 * `rngs.derived`), then, with perturbation selection, its phase, decisions and cell, and
 * 'finished' with the selected genotype. The metrics and alphas are the supernet's before
 * selection fine-tunes it.
 */
async function finish(
  st: RunState<SupernetSearchSpec>,
  lastValid: SplitScore | null,
  rngs: { readonly derived: Rng; readonly selection: Rng },
  control: RunControl,
  emit: Emit,
): Promise<void> {
  const { net, data } = st;
  const batch = st.spec.strategy.batchSize;
  const train = await evaluateSplit(net, data.train, data.input, batch);
  const valid = lastValid ?? (await evaluateSplit(net, data.valid, data.input, batch));
  const test = await evaluateSplit(net, data.test, data.input, batch);
  const { weights, edges, genotype: magnitude } = await readArchitecture(st.spec, net);
  const derived = await inheritedSubnet(st, magnitude, 'derived', rngs.derived);
  emit({ type: 'subnet', record: derived });
  const genotype =
    isDartsRun(st) && st.strategy.selection === 'perturbation'
      ? ((await perturbationSelection(st, control, emit, rngs, derived.key)) ?? magnitude)
      : magnitude;
  emit({
    type: 'finished',
    step: st.step,
    genotype,
    metrics: {
      trainAcc: train.acc,
      validAcc: valid.acc,
      testAcc: test.acc,
      trainLoss: train.loss,
      validLoss: valid.loss,
      testLoss: test.loss,
    },
    weights,
    ...(net.betaVariables.length > 0 ? { edgeWeights: edges } : {}),
  });
}

/**
 * Runs DARTS (`spec`'s strategy must be 'darts') on `data`. It emits
 * 'started', then, with a latency loss, the 'latency' phase that measures the lookup table
 * (runLatencyPhase's events; a resumed run takes its checkpoint's table), then per step 'step', 'alphas' and (at step 1 and on every change) 'genotype'; after
 * each epoch ('expected-latency' with a latency loss) 'eval' on the validation split and 'diagnostics' (collapse diagnostics), on
 * 2-feature data a 'boundary' frame every few epochs (core/run/boundary.ts), and, when
 * DARTS+ is on and a rule holds, 'early-stop', which ends training; a 'checkpoint' after every
 * epoch but the last. Then one 'subnet' for the magnitude-derived cell (origin 'derived',
 * evaluation 'inherited': its validation accuracy with the supernet's weights after BatchNorm
 * recalibration; its latency priced by the table when the run has one); with perturbation selection, its 'phase', 'progress', 'selection' and 'subnet'
 * (origin 'perturbation'); and 'finished' with the supernet's final metrics (NaN for an empty
 * split) and the selected genotype. With `resume` (a checkpoint of the same spec) it builds the
 * run as a fresh one, restores the checkpoint, emits 'started' and a 'running' status naming the
 * step, and then only the events a fresh run emits after that checkpoint; a checkpoint that does
 * not fit fails the run. Awaits `control.gate()` before every step. A non-finite loss pauses the
 * run through the control and emits a 'paused' status naming the step ('running' follows when the
 * run is resumed); a stop emits 'stopped'; an exception emits 'failed'. Never throws. Every tensor
 * it makes is disposed before it returns.
 */
export async function runDarts(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle('darts', spec, data, emit, resume, (run) =>
    dartsSearch(run, 'darts', run.strategy, {}, spec, data, control, emit, resume),
  );
}

/** Makes a strategy's trainer for the run's supernet from its spec; `rng` is a stream of its own, `latency` the latency-aware loss's term (null without one). */
export type TrainerFactory = (
  s: StrategySpec,
  net: Supernet,
  rng: Rng,
  latency: LatencyTerm | null,
) => SearchTrainer & Owned;

/**
 * Runs a supernet search of kind `kind` whose trainer `makeTrainer` makes (GDAS's samples paths):
 * the events and rules of runDarts on the plain supernet, with perturbation selection only where
 * the strategy has it.
 */
export async function runSupernetSearch(
  kind: 'gdas',
  makeTrainer: TrainerFactory,
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle(kind, spec, data, emit, resume, (run) =>
    dartsSearch(
      run,
      kind,
      run.strategy,
      {},
      spec,
      data,
      control,
      emit,
      resume,
      (net, latency, rng) => makeTrainer(run.strategy, net, rng, latency),
    ),
  );
}

/** Makes the trainer of a DARTS-style search for its supernet, latency term and random stream. */
export type SearchTrainerMaker = (
  net: Supernet,
  latency: LatencyTerm | null,
  rng: Rng,
) => SearchTrainer & Owned;

/**
 * The body of a DARTS-style search under the run lifecycle: builds the supernet with `options`
 * (PC-DARTS: partial channels and edge normalisation), measures the latency table when the
 * latency-aware loss is on, trains the supernet with the trainer `makeTrainer` makes (DARTS's
 * step by default; GDAS's samples paths) and the DARTS loop under settings `s`, and finishes as
 * runDarts describes; checkpoints name strategy `kind`.
 */
export async function dartsSearch<K extends RunState['kind']>(
  run: Pick<RunScope<K>, 'own' | 'at' | 'stopped'>,
  kind: K,
  s: SupernetSearchSpec,
  options: SupernetOptions,
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume: RunCheckpoint | undefined,
  makeTrainer: SearchTrainerMaker = (net, latency) =>
    createDartsTrainer(net, s as DartsSettings, latency),
): Promise<RunStatus> {
  const rng = createRng(spec.seed);
  const net = run.own(buildSupernet(spec.space, data.input, data.classes, rng.fork(), options));
  const batchRng = rng.fork();
  // Forked after every fork the search uses, so scoring the derived cell leaves its trajectory as it was.
  const derivedRng = rng.fork();
  const diagnosticsRng = rng.fork();
  const selectionRng = rng.fork();
  const trainerRng = rng.fork();
  const stepsPerEpoch = Math.ceil(data.train.count / s.batchSize);
  const started: RunEvent = {
    type: 'started',
    totalSteps: s.epochs * stepsPerEpoch,
    stepsPerEpoch,
    cells: net.edgeLabels,
    trainCount: data.train.count,
    validCount: data.valid.count,
    testCount: data.test.count,
    paramCount: net.paramCount,
  };
  // A fresh run announces itself before measuring latency; a resumed one once its checkpoint fits.
  if (!resume) emit(started);
  const latencyLoss =
    'latency' in s
      ? await prepareSearchLatency(spec, data, net, s.latency, control, emit, resume)
      : null;
  if (latencyLoss === 'stopped')
    return run.stopped(0, 'The run was stopped while measuring latency.');
  if (latencyLoss) run.own(latencyLoss.term);
  const trainer = run.own(makeTrainer(net, latencyLoss?.term ?? null, trainerRng));
  const st: RunState<SupernetSearchSpec> = {
    spec,
    kind,
    strategy: s,
    data,
    net,
    trainer,
    trainStream: createBatchStream(data.train, data.input, s.batchSize, batchRng.fork()),
    validStream: createBatchStream(data.valid, data.input, s.batchSize, batchRng.fork()),
    totalSteps: s.epochs * stepsPerEpoch,
    step: 0,
    epoch: 0,
    activeMs: 0,
    genotypeKey: '',
    diagnostics: createDiagnosticsState(data.valid, data.input, s.batchSize, diagnosticsRng),
    diagnosticsSeed: diagnosticsRng.int(0x7fffffff),
    latencyLoss,
  };
  run.at(() => st.step);
  if (resume) {
    await resumeDarts(st, stepsPerEpoch, resume);
    emit(started);
    emit(resumedStatus(resume));
  }
  const valid = await searchLoop(st, control, emit);
  if (valid === false)
    return run.stopped(st.step, `The run was stopped after step ${st.step} of ${st.totalSteps}.`);
  await finish(st, valid, { derived: derivedRng, selection: selectionRng }, control, emit);
  return 'finished';
}

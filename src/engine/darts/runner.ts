/** The whole DARTS search (and GDAS's, which differs only in its trainer): build, train step by step under a run control, evaluate, select, report. */
import type {
  DartsStrategySpec,
  ExperimentSpec,
  LoadedDataset,
  StrategySpec,
} from '../../core/experiment/spec';
import { createRng, type Rng } from '../../core/random';
import { forKind } from '../../core/strategy/registry';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { RunStatus } from '../../core/run/protocol';
import { createBatchStream } from '../batches';
import { resumedStatus } from '../checkpoint';
import { inheritedSubnet, perturbationSelection } from '../darts-selection';
import { createDiagnosticsState } from '../diagnostics/epoch';
import { evaluateSplit, type SplitScore } from '../evaluate';
import { rowsOf } from '../readout';
import { runLifecycle, type Owned } from '../run-lifecycle';
import { buildSupernet, type Supernet } from '../supernet';
import { resumeDarts } from './checkpoint';
import {
  genotypeOf,
  searchLoop,
  type Emit,
  type RunState,
  type SearchTrainer,
  type SupernetSearchSpec,
} from './loop';
import { createDartsTrainer } from './trainer';

/** Whether a run selects its cell by DARTS's rules (magnitude or perturbation): a DARTS run. */
function isDartsRun(st: RunState<SupernetSearchSpec>): st is RunState<DartsStrategySpec> {
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
  const weights = await net.softmaxAlphas();
  const magnitude = genotypeOf(st.spec, rowsOf(net, weights));
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
  });
}

/**
 * Runs DARTS (`spec`'s strategy must be 'darts') on `data`. It emits
 * 'started', then per step 'step', 'alphas' and (at step 1 and on every change) 'genotype'; after
 * each epoch 'eval' on the validation split and 'diagnostics' (collapse diagnostics), on
 * 2-feature data a 'boundary' frame every few epochs (core/run/boundary.ts), and, when
 * DARTS+ is on and a rule holds, 'early-stop', which ends training; a 'checkpoint' after every
 * epoch but the last. Then one 'subnet' for the magnitude-derived cell (origin 'derived',
 * evaluation 'inherited': its validation accuracy with the supernet's weights after BatchNorm
 * recalibration); with perturbation selection, its 'phase', 'progress', 'selection' and 'subnet'
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
  return runSupernetSearch('darts', dartsTrainer, spec, data, control, emit, resume);
}

/** DARTS's trainer for a run (it draws nothing from the trainer's random stream). */
const dartsTrainer = forKind('darts', (s, net: Supernet) => createDartsTrainer(net, s));

/** Makes a strategy's trainer for the run's supernet from its spec; `rng` is a stream of its own. */
export type TrainerFactory = (s: StrategySpec, net: Supernet, rng: Rng) => SearchTrainer & Owned;

/**
 * Runs a supernet search of kind `kind` (DARTS, or GDAS) with the trainer `makeTrainer` makes: the
 * events and rules of runDarts, with perturbation selection only where the strategy has it.
 */
export async function runSupernetSearch(
  kind: SupernetSearchSpec['kind'],
  makeTrainer: TrainerFactory,
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle(kind, spec, data, emit, resume, async (run) => {
    const s = run.strategy;
    const rng = createRng(spec.seed);
    const net = run.own(buildSupernet(spec.space, data.input, data.classes, rng.fork()));
    const batchRng = rng.fork();
    // Forked after every fork the search uses, so scoring the derived cell leaves its trajectory as it was.
    const derivedRng = rng.fork();
    const diagnosticsRng = rng.fork();
    const selectionRng = rng.fork();
    const trainer = run.own(makeTrainer(s, net, rng.fork()));
    const stepsPerEpoch = Math.ceil(data.train.count / s.batchSize);
    const st: RunState<SupernetSearchSpec> = {
      spec,
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
    };
    run.at(() => st.step);
    if (resume) await resumeDarts(st, stepsPerEpoch, resume);
    emit({
      type: 'started',
      totalSteps: st.totalSteps,
      stepsPerEpoch,
      cells: net.edgeLabels,
      trainCount: data.train.count,
      validCount: data.valid.count,
      testCount: data.test.count,
      paramCount: net.paramCount,
    });
    if (resume) emit(resumedStatus(resume));
    const valid = await searchLoop(st, control, emit);
    if (valid === false)
      return run.stopped(st.step, `The run was stopped after step ${st.step} of ${st.totalSteps}.`);
    await finish(st, valid, { derived: derivedRng, selection: selectionRng }, control, emit);
    return 'finished';
  });
}

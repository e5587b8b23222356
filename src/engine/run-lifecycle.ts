/**
 * The lifecycle every strategy's run shares: the guard (a resumed checkpoint must be this
 * strategy's, and the data must have train and validation splits), the 'stopped' status, the
 * 'failed' status for anything thrown, and the disposal of every tensor owner the run registered.
 * A strategy's runner is the body in between.
 */
import type { ExperimentSpec, LoadedDataset, StrategyKind } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { RunStatus } from '../core/run/protocol';
import type { StrategyOf } from '../core/strategy/fields';
import { strategyEntry } from '../core/strategy/registry';
import { requireResumable } from './checkpoint';
import type { Emit } from './step-gate';
import { failedStatus, requireTrainAndValid } from './step-gate';

/** Something a run holds tensors in, released when the run ends. */
export interface Owned {
  dispose(): void;
}

/** What a strategy's run body gets from the lifecycle. */
export interface RunScope<K extends StrategyKind> {
  /** The spec's strategy, of the runner's kind. */
  readonly strategy: StrategyOf<K>;
  /** Registers `owned` to be disposed when the run ends (the last registered first); returns it. */
  own<T extends Owned>(owned: T): T;
  /** Names the step the run stands at, read for the 'failed' status if the body throws. */
  at(step: () => number): void;
  /** Emits a 'stopped' status at `step` with `message`, and gives 'stopped'. */
  stopped(step: number, message: string): RunStatus;
}

/** Whether `strategy` is of kind `kind`. */
function isOfKind<K extends StrategyKind>(
  strategy: ExperimentSpec['strategy'],
  kind: K,
): strategy is StrategyOf<K> {
  return strategy.kind === kind;
}

/**
 * Runs `body` as a run of strategy `kind`: checks the spec's kind, that `resume` (if given) is a
 * checkpoint of this kind in the current layout, and that the data has train and validation
 * examples; then gives the body's status. Anything thrown (by the guard or the body) emits a
 * 'failed' status at the step the body last named (0 before it names one) and gives 'failed'.
 * Every owner registered through the scope is disposed before it returns. Never throws.
 */
export async function runLifecycle<K extends StrategyKind>(
  kind: K,
  spec: ExperimentSpec,
  data: LoadedDataset,
  emit: Emit,
  resume: RunCheckpoint | undefined,
  body: (scope: RunScope<K>) => Promise<RunStatus>,
): Promise<RunStatus> {
  const owned: Owned[] = [];
  let step = (): number => 0;
  try {
    const strategy = spec.strategy;
    if (!isOfKind(strategy, kind))
      throw new Error(`A '${kind}' run was given a '${strategy.kind}' strategy.`);
    if (resume) requireResumable(resume, kind);
    requireTrainAndValid(data, strategyEntry(kind).name);
    return await body({
      strategy,
      own: (o) => {
        owned.push(o);
        return o;
      },
      at: (read) => {
        step = read;
      },
      stopped: (at, message) => {
        emit({ type: 'status', status: 'stopped', step: at, message });
        return 'stopped';
      },
    });
  } catch (err) {
    emit(failedStatus(step(), err));
    return 'failed';
  } finally {
    for (const o of owned.reverse()) o.dispose();
  }
}

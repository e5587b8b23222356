/**
 * The engine client over any worker-like endpoint: comlink calls, one task at a time (a run or a
 * stand-alone training), a stop that terminates a worker stuck mid-step after a grace period, and
 * crash reporting that settles every pending call.
 */
import * as Comlink from 'comlink';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type {
  BackendChoice,
  BackendReport,
  EngineApi,
  RunEvent,
  RunStatus,
  StandaloneOutcome,
  StandaloneProgress,
  StandaloneRequest,
} from '../core/run/protocol';
import { busyRefusal, estimateOn } from './estimate-call';
import { exportFromSession } from './model-export';
import type { EngineClient } from './types';
import {
  callSession as call,
  describeError,
  openSession,
  type Session,
  type WorkerLike,
} from './worker-session';

export type { WorkerLike } from './worker-session';

/** Client tuning. */
export interface ClientOptions {
  /** How long a stop may take before the worker is terminated (ms). */
  readonly graceMs?: number;
}

/** A stop waits this long for the run to end before terminating the worker. */
export const STOP_GRACE_MS = 3000;

/** The task a worker is busy with: a run or a stand-alone training. */
interface ActiveTask {
  readonly kind: 'run' | 'standalone';
  readonly session: Session;
  stopTimer: ReturnType<typeof setTimeout> | null;
  settled: boolean;
  /** Stop was asked for (possibly before the worker started the task). */
  stopRequested: boolean;
  /** Ends the task from this side (its worker was shut down or failed), telling its caller `message`. */
  abort(status: 'stopped' | 'failed', message: string): void;
}

/** The message of a task whose worker was shut down because a stop did not end it in time. */
function graceMessage(kind: ActiveTask['kind'], graceMs: number): string {
  const seconds = (graceMs / 1000).toFixed(graceMs % 1000 === 0 ? 0 : 1);
  return kind === 'run'
    ? `Stopped: the step in progress did not finish within ${seconds} s, so the engine worker was shut down; a fresh one starts with the next run.`
    : `Stopped: the training step in progress did not finish within ${seconds} s, so the engine worker was shut down; a fresh one starts with the next training.`;
}

/** Creates an EngineClient over workers made by `spawn`; a fresh worker is spawned after a crash or a forced stop. */
export function createWorkerClient(
  spawn: () => WorkerLike,
  options: ClientOptions = {},
): EngineClient {
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  const crashListeners = new Set<(message: string) => void>();
  let session: Session | null = null;
  let task: ActiveTask | null = null;
  /** The latest backend choice, replayed on a fresh worker before its first task. */
  let choice: BackendChoice | null = null;

  /** Marks `t` over; false when it already was. */
  const finish = (t: ActiveTask): boolean => {
    if (t.settled) return false;
    t.settled = true;
    if (t.stopTimer !== null) clearTimeout(t.stopTimer);
    if (task === t) task = null;
    return true;
  };

  const report = (message: string): void => {
    for (const listener of [...crashListeners]) {
      try {
        listener(message);
      } catch (err) {
        console.error('A crash listener threw:', err);
      }
    }
  };

  /** Terminates a session's worker; pending calls reject, its task ends with `status`. */
  const kill = (s: Session, status: 'failed' | 'stopped', message: string): void => {
    if (s.dead) return;
    s.dead = true;
    s.detach();
    s.worker.terminate();
    if (session === s) session = null;
    for (const reject of [...s.onDeath]) reject(message);
    s.onDeath.clear();
    if (task !== null && task.session === s) task.abort(status, message);
  };

  const crash = (s: Session, message: string): void => {
    if (s.dead) return;
    kill(s, 'failed', message);
    report(message);
  };

  const open = (): Session => {
    if (session !== null && !session.dead) return session;
    session = openSession(spawn, crash);
    return session;
  };

  /** Forwards a control message to a live worker, ignoring failures (a dead worker has nothing to control). */
  const fire = (invoke: (remote: Comlink.Remote<EngineApi>) => Promise<void>): void => {
    if (session === null || session.dead) return;
    call(session, invoke).catch(() => undefined);
  };

  /** Begins a task on `s`, first replaying the backend choice on a fresh worker; `notBegun` if stopped meanwhile. */
  const begin = <T>(s: Session, t: ActiveTask, invoke: () => Promise<T>, notBegun: () => T) =>
    s.negotiated || choice === null
      ? invoke()
      : call(s, (remote) => remote.negotiateBackend(choice ?? 'auto'))
          .then(
            () => void (s.negotiated = true),
            () => undefined, // the task negotiates again itself and reports what went wrong
          )
          .then(() => (t.stopRequested ? notBegun() : invoke()));

  /** Opens a worker for a new task, or reports (to crash listeners) why none could be started. */
  const openForTask = (): Session | string => {
    try {
      return open();
    } catch (err) {
      const message = `The engine worker could not be started: ${describeError(err)}.`;
      report(message);
      return message;
    }
  };

  const start = (
    spec: ExperimentSpec,
    onEvents: (events: RunEvent[]) => void,
    resume?: RunCheckpoint,
  ): Promise<RunStatus> => {
    if (task !== null)
      return Promise.reject(
        new Error(
          task.kind === 'run'
            ? 'A run is already in progress; stop it before starting another.'
            : 'A stand-alone training is in progress; stop it before starting a run.',
        ),
      );
    const s = openForTask();
    if (typeof s === 'string') {
      onEvents([{ type: 'status', status: 'failed', step: 0, message: s }]);
      return Promise.resolve('failed');
    }
    return new Promise<RunStatus>((resolve) => {
      let lastStep = 0;
      const r: ActiveTask = {
        kind: 'run',
        session: s,
        stopTimer: null,
        settled: false,
        stopRequested: false,
        abort: (status, message) => {
          if (!finish(r)) return;
          try {
            onEvents([{ type: 'status', status, step: lastStep, message }]);
          } catch (err) {
            console.error('A run event listener threw:', err);
          }
          resolve(status);
        },
      };
      task = r;
      const sink = (events: RunEvent[]): void => {
        if (r.settled) return;
        for (const e of events) if ('step' in e) lastStep = e.step;
        onEvents(events);
      };
      begin<RunStatus>(
        s,
        r,
        () => call(s, (remote) => remote.startRun(spec, Comlink.proxy(sink), resume)),
        () => 'stopped',
      ).then(
        (status) => {
          if (finish(r)) resolve(status);
        },
        (err: unknown) => {
          if (r.settled) return;
          const message = `The engine worker failed during the run: ${describeError(err)}.`;
          r.abort('failed', message);
          crash(s, message);
        },
      );
    });
  };

  const trainStandalone = (
    request: StandaloneRequest,
    onProgress: (p: StandaloneProgress) => void,
  ): Promise<StandaloneOutcome> => {
    if (task !== null)
      return Promise.resolve({
        status: 'failed',
        message:
          task.kind === 'run'
            ? 'A run is in progress; stop it before training a subnet stand-alone.'
            : 'A stand-alone training is already in progress; stop it first.',
      });
    const s = openForTask();
    if (typeof s === 'string') return Promise.resolve({ status: 'failed', message: s });
    return new Promise<StandaloneOutcome>((resolve) => {
      const t: ActiveTask = {
        kind: 'standalone',
        session: s,
        stopTimer: null,
        settled: false,
        stopRequested: false,
        abort: (status, message) => {
          if (finish(t)) resolve({ status, message });
        },
      };
      task = t;
      const progress = (p: StandaloneProgress): void => {
        if (!t.settled) onProgress(p);
      };
      begin<StandaloneOutcome>(
        s,
        t,
        () =>
          call(s, async (remote): Promise<StandaloneOutcome> =>
            remote.trainStandalone(request, Comlink.proxy(progress)),
          ),
        () => ({
          status: 'stopped',
          message: 'The stand-alone training was stopped before it began.',
        }),
      ).then(
        (outcome) => {
          if (finish(t)) resolve(outcome);
        },
        (err: unknown) => {
          if (t.settled) return;
          const message = `The engine worker failed during the stand-alone training: ${describeError(err)}.`;
          t.abort('failed', message);
          crash(s, message);
        },
      );
    });
  };

  const stop = (): void => {
    fire((remote) => remote.stop());
    const t = task;
    if (t === null || t.stopTimer !== null) return;
    t.stopRequested = true;
    t.stopTimer = setTimeout(
      () => kill(t.session, 'stopped', graceMessage(t.kind, graceMs)),
      graceMs,
    );
  };

  const negotiate = async (next: BackendChoice): Promise<BackendReport> => {
    choice = next;
    const s = open();
    const result = await call(s, (remote) => remote.negotiateBackend(next));
    s.negotiated = true;
    return result;
  };

  return {
    negotiate,
    start,
    trainStandalone,
    exportStandaloneModel: (key) => exportFromSession(session, key),
    estimate: (spec) =>
      task !== null ? Promise.resolve(busyRefusal(task.kind)) : estimateOn(open, choice, spec),
    cancelEstimate: () => fire(async (remote) => remote.cancelEstimate()),
    pause: () => fire((remote) => remote.pause()),
    resume: () => fire((remote) => remote.resume()),
    stepOnce: () => fire((remote) => remote.stepOnce()),
    stop,
    onCrash: (listener) => {
      crashListeners.add(listener);
      return () => {
        crashListeners.delete(listener);
      };
    },
    dispose: () => {
      if (session !== null) kill(session, 'stopped', 'Stopped: the engine was shut down.');
    },
  };
}

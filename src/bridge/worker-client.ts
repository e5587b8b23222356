/**
 * The engine client over any worker-like endpoint: comlink calls, a stop that terminates a worker
 * stuck mid-step after a grace period, and crash reporting that settles every pending call.
 */
import * as Comlink from 'comlink';
import type { ExperimentSpec } from '../core/experiment/spec';
import type {
  BackendChoice,
  BackendReport,
  EngineApi,
  RunEvent,
  RunStatus,
} from '../core/run/protocol';
import type { EngineClient } from './types';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

/** Client tuning. */
export interface ClientOptions {
  /** How long a stop may take before the worker is terminated (ms). */
  readonly graceMs?: number;
}

/** A stop waits this long for the run to end before terminating the worker. */
export const STOP_GRACE_MS = 3000;

interface Session {
  readonly worker: WorkerLike;
  readonly remote: Comlink.Remote<EngineApi>;
  readonly onDeath: Set<(message: string) => void>;
  readonly detach: () => void;
  dead: boolean;
  /** Whether this worker has negotiated a backend (a fresh one has not). */
  negotiated: boolean;
}

interface ActiveRun {
  readonly session: Session;
  readonly onEvents: (events: RunEvent[]) => void;
  readonly resolve: (status: RunStatus) => void;
  lastStep: number;
  stopTimer: ReturnType<typeof setTimeout> | null;
  settled: boolean;
  /** Stop was asked for (possibly before the worker started the run). */
  stopRequested: boolean;
}

const NO_DETAILS = 'no details were given';

function describe(err: unknown): string {
  const message =
    typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : err;
  const text = typeof message === 'string' ? message.trim() : '';
  return text === '' ? NO_DETAILS : text.replace(/^Uncaught (Error: )?/, '');
}

/** Creates an EngineClient over workers made by `spawn`; a fresh worker is spawned after a crash or a forced stop. */
export function createWorkerClient(
  spawn: () => WorkerLike,
  options: ClientOptions = {},
): EngineClient {
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  const crashListeners = new Set<(message: string) => void>();
  let session: Session | null = null;
  let run: ActiveRun | null = null;
  /** The latest backend choice, replayed on a fresh worker before its first run. */
  let choice: BackendChoice | null = null;

  const settle = (r: ActiveRun, status: RunStatus, message: string | null): void => {
    if (r.settled) return;
    r.settled = true;
    if (r.stopTimer !== null) clearTimeout(r.stopTimer);
    if (run === r) run = null;
    if (message !== null) {
      try {
        r.onEvents([{ type: 'status', status, step: r.lastStep, message }]);
      } catch (err) {
        console.error('A run event listener threw:', err);
      }
    }
    r.resolve(status);
  };

  /** Terminates a session's worker; pending calls reject, its run resolves with `status`. */
  const kill = (s: Session, status: 'failed' | 'stopped', message: string): void => {
    if (s.dead) return;
    s.dead = true;
    s.detach();
    s.worker.terminate();
    if (session === s) session = null;
    for (const reject of [...s.onDeath]) reject(message);
    s.onDeath.clear();
    if (run !== null && run.session === s) settle(run, status, message);
  };

  const crash = (s: Session, message: string): void => {
    if (s.dead) return;
    kill(s, 'failed', message);
    for (const listener of [...crashListeners]) {
      try {
        listener(message);
      } catch (err) {
        console.error('A crash listener threw:', err);
      }
    }
  };

  const open = (): Session => {
    if (session !== null && !session.dead) return session;
    const worker = spawn();
    const onError = (event: unknown): void => {
      const detail = describe(event);
      crash(
        s,
        detail === NO_DETAILS
          ? 'The engine worker stopped without an error message: it may have failed to load or run out of memory.'
          : `The engine worker crashed: ${detail}.`,
      );
    };
    const onMessageError = (): void =>
      crash(s, 'The engine worker sent a message that could not be read, so it was shut down.');
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onMessageError);
    const s: Session = {
      worker,
      remote: Comlink.wrap<EngineApi>(worker),
      onDeath: new Set(),
      dead: false,
      negotiated: false,
      detach: () => {
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onMessageError);
      },
    };
    session = s;
    return s;
  };

  /** A remote call that rejects (instead of hanging) when the worker dies first. */
  const call = <T>(
    s: Session,
    invoke: (remote: Comlink.Remote<EngineApi>) => Promise<T>,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (s.dead) return reject(new Error('The engine worker is gone.'));
      const onDeath = (message: string): void => reject(new Error(message));
      s.onDeath.add(onDeath);
      invoke(s.remote)
        .then(resolve, reject)
        .finally(() => s.onDeath.delete(onDeath));
    });

  /** Forwards a control message to a live worker, ignoring failures (a dead worker has nothing to control). */
  const fire = (invoke: (remote: Comlink.Remote<EngineApi>) => Promise<void>): void => {
    if (session === null || session.dead) return;
    call(session, invoke).catch(() => undefined);
  };

  const start = (
    spec: ExperimentSpec,
    onEvents: (events: RunEvent[]) => void,
  ): Promise<RunStatus> => {
    if (run !== null)
      return Promise.reject(
        new Error('A run is already in progress; stop it before starting another.'),
      );
    let s: Session;
    try {
      s = open();
    } catch (err) {
      const message = `The engine worker could not be started: ${describe(err)}.`;
      for (const listener of [...crashListeners]) listener(message);
      onEvents([{ type: 'status', status: 'failed', step: 0, message }]);
      return Promise.resolve('failed');
    }
    return new Promise<RunStatus>((resolve) => {
      const r: ActiveRun = {
        session: s,
        onEvents,
        resolve,
        lastStep: 0,
        stopTimer: null,
        settled: false,
        stopRequested: false,
      };
      run = r;
      const sink = (events: RunEvent[]): void => {
        if (r.settled) return;
        for (const e of events) if ('step' in e) r.lastStep = e.step;
        onEvents(events);
      };
      const begin = (): Promise<RunStatus> =>
        call(s, (remote) => remote.startRun(spec, Comlink.proxy(sink)));
      const started: Promise<RunStatus> =
        s.negotiated || choice === null
          ? begin()
          : call(s, (remote) => remote.negotiateBackend(choice ?? 'auto'))
              .then(
                () => void (s.negotiated = true),
                () => undefined, // the run negotiates again itself and reports what went wrong
              )
              .then(() => (r.stopRequested ? 'stopped' : begin()));
      started.then(
        (status) => settle(r, status, null),
        (err: unknown) => {
          if (r.settled) return;
          const message = `The engine worker failed during the run: ${describe(err)}.`;
          settle(r, 'failed', message);
          crash(s, message);
        },
      );
    });
  };

  const stop = (): void => {
    fire((remote) => remote.stop());
    const r = run;
    if (r === null || r.stopTimer !== null) return;
    r.stopRequested = true;
    r.stopTimer = setTimeout(() => {
      const seconds = (graceMs / 1000).toFixed(graceMs % 1000 === 0 ? 0 : 1);
      kill(
        r.session,
        'stopped',
        `Stopped: the step in progress did not finish within ${seconds} s, so the engine worker was shut down; a fresh one starts with the next run.`,
      );
    }, graceMs);
  };

  const negotiate = async (next: BackendChoice): Promise<BackendReport> => {
    choice = next;
    const s = open();
    const report = await call(s, (remote) => remote.negotiateBackend(next));
    s.negotiated = true;
    return report;
  };

  return {
    negotiate,
    start,
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

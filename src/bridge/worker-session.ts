/** One engine worker seen from the UI: its comlink remote, crash detection, and calls that reject when it dies. */
import * as Comlink from 'comlink';
import type { EngineApi } from '../core/run/protocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

/** One spawned worker; once dead, never used again. */
export interface Session {
  readonly worker: WorkerLike;
  readonly remote: Comlink.Remote<EngineApi>;
  /** Rejecters of the calls in flight, run with the reason when the worker dies. */
  readonly onDeath: Set<(message: string) => void>;
  /** Removes the error listeners. */
  readonly detach: () => void;
  dead: boolean;
  /** Whether this worker has negotiated a backend (a fresh one has not). */
  negotiated: boolean;
}

/** What describeError says when an error carries no message. */
export const NO_DETAILS = 'no details were given';

/** The message of anything thrown or dispatched, without the "Uncaught Error:" prefix; NO_DETAILS when empty. */
export function describeError(err: unknown): string {
  const message =
    typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : err;
  const text = typeof message === 'string' ? message.trim() : '';
  return text === '' ? NO_DETAILS : text.replace(/^Uncaught (Error: )?/, '');
}

/** Spawns a worker and wraps it; `onCrash` hears, in plain words, an error or unreadable message from it. */
export function openSession(
  spawn: () => WorkerLike,
  onCrash: (s: Session, message: string) => void,
): Session {
  const worker = spawn();
  const onError = (event: unknown): void => {
    const detail = describeError(event);
    onCrash(
      s,
      detail === NO_DETAILS
        ? 'The engine worker stopped without an error message: it may have failed to load or run out of memory.'
        : `The engine worker crashed: ${detail}.`,
    );
  };
  const onMessageError = (): void =>
    onCrash(s, 'The engine worker sent a message that could not be read, so it was shut down.');
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
  return s;
}

/** A remote call that rejects (instead of hanging) when the worker dies first. */
export function callSession<T>(
  s: Session,
  invoke: (remote: Comlink.Remote<EngineApi>) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (s.dead) return reject(new Error('The engine worker is gone.'));
    const onDeath = (message: string): void => reject(new Error(message));
    s.onDeath.add(onDeath);
    invoke(s.remote)
      .then(resolve, reject)
      .finally(() => s.onDeath.delete(onDeath));
  });
}

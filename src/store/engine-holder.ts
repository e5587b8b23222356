/**
 * The one engine client the run slice and the search slice share: made lazily, its crashes told to
 * every subscriber, and every task that talks to the worker (backend negotiations, runs,
 * stand-alone trainings) chained one after another so they never overlap in the worker.
 */
import type { EngineClient } from '../bridge/types';
import type { BackendChoice, BackendReport } from '../core/run/protocol';

/** What a negotiation tells its caller: when it is busy, and the report once the worker has chosen. */
export interface NegotiationHooks {
  readonly onBusy: (busy: boolean) => void;
  readonly onReport: (report: BackendReport) => void;
}

/** The shared handle on the engine client. */
export interface EngineHolder {
  /** The client, made on first use. */
  client(): EngineClient;
  /** The client if one was made, without making one. */
  existing(): EngineClient | null;
  /** Runs `task` once every earlier task has settled; resolves or rejects as `task` does. */
  serial<T>(task: () => Promise<T>): Promise<T>;
  /** Negotiates `choice` unless the current worker already has; call it inside `serial`. */
  negotiate(choice: BackendChoice, hooks: NegotiationHooks): Promise<void>;
  /** Forgets the negotiated backend, so the next task negotiates again (after a stop or a failure). */
  forgetBackend(): void;
  /** Subscribes to worker crashes; returns an unsubscribe function. */
  onCrash(listener: (message: string) => void): () => void;
}

/** Creates the holder over clients made by `makeClient` (which replaces dead workers itself). */
export function createEngineHolder(makeClient: () => EngineClient): EngineHolder {
  let client: EngineClient | null = null;
  /** The choice the current client's worker has negotiated, if any. */
  let negotiated: BackendChoice | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(message: string) => void>();

  const ensureClient = (): EngineClient => {
    if (client) return client;
    const fresh = makeClient();
    // The client replaces a dead worker on its next call; the new worker has negotiated nothing.
    fresh.onCrash((message) => {
      negotiated = null;
      for (const listener of [...listeners]) listener(message);
    });
    client = fresh;
    return fresh;
  };

  return {
    client: ensureClient,
    existing: () => client,
    serial: <T>(task: () => Promise<T>): Promise<T> => {
      const next = chain.then(task, task);
      chain = next.catch(() => undefined);
      return next;
    },
    negotiate: async (choice, hooks) => {
      const c = ensureClient();
      if (negotiated === choice) return;
      hooks.onBusy(true);
      try {
        const report = await c.negotiate(choice);
        negotiated = choice;
        hooks.onReport(report);
      } finally {
        hooks.onBusy(false);
      }
    },
    forgetBackend: () => {
      negotiated = null;
    },
    onCrash: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

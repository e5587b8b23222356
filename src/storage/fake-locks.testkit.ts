/** A scripted lock manager for tests: the Web Locks rules (exclusive, ifAvailable) in memory, shared by the "tabs" of one test. */
import type { LockRequester } from './run-locks';

/** Exclusive locks by name; waiting requests are granted in order. */
export class FakeLockManager implements LockRequester {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  /** True while some request holds lock `name`. */
  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  async request<T>(
    name: string,
    options: { readonly ifAvailable?: boolean },
    callback: (lock: { readonly name: string } | null) => T | PromiseLike<T>,
  ): Promise<T> {
    if (this.held.has(name)) {
      if (options.ifAvailable === true) return callback(null);
      await new Promise<void>((grant) => {
        const queue = this.queues.get(name) ?? [];
        queue.push(grant);
        this.queues.set(name, queue);
      });
    }
    this.held.add(name);
    try {
      return await callback({ name });
    } finally {
      const next = this.queues.get(name)?.shift();
      if (next === undefined) this.held.delete(name);
      // The lock passes straight to the next waiter, so no ifAvailable request slips in between.
      else next();
    }
  }
}

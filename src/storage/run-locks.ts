/**
 * Which runs are live in some tab, with the Web Locks API: the tab running a run holds an exclusive
 * lock named after the run's id for as long as the run is running or paused there, and closing the
 * tab lets the browser release it. A run whose lock is held is never treated as interrupted.
 */

/** The part of the Web Locks API (navigator.locks) used here; tests pass a scripted one. */
export interface LockRequester {
  request<T>(
    name: string,
    options: { readonly mode?: 'exclusive' | 'shared'; readonly ifAvailable?: boolean },
    callback: (lock: { readonly name: string } | null) => T | PromiseLike<T>,
  ): Promise<T>;
}

/** Run locks as the run history and the run journal use them. */
export interface RunLocks {
  /** Takes run `id`'s lock (waiting while another holds it) and keeps it until the returned release is called. */
  hold(id: string): () => void;
  /** True when no tab holds run `id`'s lock, this one included (asked with ifAvailable, so it never waits). */
  isFree(id: string): Promise<boolean>;
}

/** The lock name of run `id`. */
export function runLockName(id: string): string {
  return `nas-studio-run:${id}`;
}

/** The page's navigator.locks, or undefined where there is none. */
function globalLocks(): LockRequester | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockRequester } }).navigator;
  return nav?.locks ?? undefined;
}

/**
 * Run locks over `manager` (default: the page's navigator.locks). Where there is no lock manager
 * (an old browser, Node without one), nothing is held and every run's lock counts as free: that is
 * the behaviour before locks, where a tab that opens treats another tab's unfinished run as
 * interrupted. A lock request the browser refuses counts the same way.
 */
export function createRunLocks(manager: LockRequester | undefined = globalLocks()): RunLocks {
  return {
    hold(id) {
      if (manager === undefined) return () => {};
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      manager
        .request(runLockName(id), { mode: 'exclusive' }, () => held)
        .catch(() => {
          // Refused (e.g. an opaque origin): the run simply holds no lock.
        });
      return release;
    },
    async isFree(id) {
      if (manager === undefined) return true;
      try {
        return await manager.request(
          runLockName(id),
          { ifAvailable: true },
          (lock) => lock !== null,
        );
      } catch {
        return true;
      }
    },
  };
}

/**
 * Where the trial queue lives and how it behaves: the `--queue redis://HOST:PORT[/DB]` address, the
 * Redis connection options (bounded retries, so an unreachable queue is reported instead of
 * waited on), and the retry and stall-detection settings every job and worker uses.
 */
import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';

/** The BullMQ queue every search puts its trials on and every worker takes them from. */
export const TRIAL_QUEUE = 'nas-studio-trials';

/** Attempts a trial gets before it is reported failed. */
export const TRIAL_ATTEMPTS = 3;

/** A parsed `--queue` address. */
export interface QueueAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  /** The address as given, for messages. */
  readonly text: string;
}

/** Reads `redis://HOST:PORT[/DB]`, or says what is wrong with it. */
export function parseQueueAddress(text: string): QueueAddress | { readonly problem: string } {
  const bad = {
    problem: `--queue must be a Redis address redis://HOST:PORT[/DB], such as redis://127.0.0.1:6379 (got "${text}").`,
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad;
  }
  if (url.protocol !== 'redis:' || url.hostname === '') return bad;
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return bad;
  if (!/^\d*$/.test(dbText) || !Number.isInteger(db) || db > 15) return bad;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port, db, text };
}

/** A whole number of milliseconds from environment variable `name`, or `fallback`. */
function envMs(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * Stall detection: a worker holds each job's lock for `lockMs` (renewing it while it trains); a
 * job whose lock lapsed (its worker died) is put back on the queue by the next check, every
 * `stalledMs`, at most `maxStalled` times. NAS_QUEUE_LOCK_MS and NAS_QUEUE_STALLED_MS shorten
 * them (the tests do).
 */
export function stallSettings(): {
  readonly lockMs: number;
  readonly stalledMs: number;
  readonly maxStalled: number;
} {
  return {
    lockMs: envMs('NAS_QUEUE_LOCK_MS', 30_000),
    stalledMs: envMs('NAS_QUEUE_STALLED_MS', 30_000),
    maxStalled: 2,
  };
}

/** How long to keep trying to reach Redis before giving up, ms (NAS_QUEUE_GIVE_UP_MS overrides). */
export function giveUpMs(): number {
  return envMs('NAS_QUEUE_GIVE_UP_MS', 60_000);
}

/**
 * Connection options: connect within 3 s; after a lost connection retry with growing waits for
 * `giveUpMs` in all, then give up (every pending command fails) instead of hanging.
 * `blocking` connections (a worker's) must leave commands unlimited retries, as BullMQ requires.
 */
export function connectionOptions(address: QueueAddress, blocking: boolean): ConnectionOptions {
  const limit = giveUpMs();
  let since: number | null = null;
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    connectTimeout: 3000,
    maxRetriesPerRequest: blocking ? null : 2,
    retryStrategy: (times: number) => {
      if (times === 1 || since === null) since = Date.now();
      if (Date.now() - since > limit) return null;
      return Math.min(2000, 100 * times);
    },
  };
}

/** Every trial's job options: three attempts a second apart, kept a week after it ends (a restarted coordinator reads them). */
export const TRIAL_JOB_OPTIONS: DefaultJobOptions = {
  attempts: TRIAL_ATTEMPTS,
  backoff: { type: 'fixed', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** A plain sentence for a Redis error. */
export function queueErrorText(address: QueueAddress, err: unknown): string {
  const raw = (err instanceof Error ? err.message : String(err)).replace(/\.+$/, '');
  const code =
    err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
  const why = code !== '' && !raw.includes(code) ? `${raw} (${code})` : raw;
  return `Cannot reach the queue at ${address.text}: ${why}. Is redis-server running there? (Start one with \`redis-server --port ${address.port}\`.)`;
}

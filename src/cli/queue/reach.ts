/** Checks that Redis answers at a `--queue` address before any work starts, within a few seconds. */
import { Queue } from 'bullmq';
import { queueErrorText, TRIAL_QUEUE, type QueueAddress } from './queue-config';

/** Null when Redis answers at `address`; otherwise the plain sentence saying it does not. */
export async function probeQueue(address: QueueAddress): Promise<string | null> {
  const queue = new Queue(TRIAL_QUEUE, {
    connection: {
      host: address.host,
      port: address.port,
      db: address.db,
      connectTimeout: 3000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    },
  });
  let first: unknown = null;
  queue.on('error', (err) => {
    first ??= err;
  });
  try {
    await queue.waitUntilReady();
    return null;
  } catch (err) {
    return queueErrorText(address, first ?? err);
  } finally {
    await queue.close().catch(() => undefined);
  }
}

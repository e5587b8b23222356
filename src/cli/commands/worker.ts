/**
 * `worker --queue redis://HOST:PORT [--concurrency N]`: takes trials from the queue a `search`
 * fills and trains them with the studio's engine (wasm in Node), on any number of machines.
 * With --concurrency N it starts N worker processes (each trains one trial at a time: the wasm
 * backend uses one core).
 */
import { fork } from 'node:child_process';
import { optionValue, type ParsedArgs } from '../args';
import type { CommandHelp } from '../help';
import type { CliIo } from '../io';
import { parseQueueAddress, type QueueAddress } from '../queue/queue-config';
import { probeQueue } from '../queue/reach';
import { runTrialWorker } from '../queue/trial-worker';

/** The command's help. */
export const WORKER_HELP: CommandHelp = {
  summary:
    'Take jobs from a Redis queue (trials to train, or whole runs of repeats) and carry them out (Node, wasm) until stopped.',
  usage: 'worker --queue redis://HOST:PORT[/DB] [--concurrency N]',
  options: [
    ['--queue <redis://HOST:PORT>', 'The Redis server holding the queue a `search` fills.'],
    [
      '--concurrency N',
      'Worker processes to start (default 1; each trains one trial at a time on one core).',
    ],
  ],
  examples: [
    'worker --queue redis://127.0.0.1:6379',
    'worker --queue redis://10.0.0.5:6379 --concurrency 4',
  ],
};

/** Most worker processes one command starts. */
const MAX_CONCURRENCY = 64;

/** Starts `n` worker processes of this command and waits for them; resolves with the worst exit code. */
function forkWorkers(n: number, address: QueueAddress, io: CliIo): Promise<number> {
  const script = process.argv[1];
  if (script === undefined) return Promise.resolve(2);
  const children = Array.from({ length: n }, () =>
    fork(script, ['worker', '--queue', address.text], { stdio: 'inherit' }),
  );
  const forward = (signal: NodeJS.Signals) => () => children.forEach((c) => c.kill(signal));
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  io.err(`started ${n} worker processes on ${address.text}`);
  return Promise.all(
    children.map(
      (c) =>
        new Promise<number>((resolve) => {
          c.on('exit', (code, signal) => {
            if (signal !== null && signal !== 'SIGINT' && signal !== 'SIGTERM')
              io.err(`worker process ${c.pid ?? '?'} ended by ${signal}`);
            resolve(code ?? 1);
          });
        }),
    ),
  ).then((codes) => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    return Math.max(0, ...codes);
  });
}

/**
 * Checks the options and the queue, then works until stopped. Exit codes: 0 stopped by Ctrl+C or
 * SIGTERM (after the trial in hand); 1 the queue was lost for good; 2 a bad option or an
 * unreachable queue.
 */
export async function runWorker(args: ParsedArgs, io: CliIo): Promise<number> {
  const usage = (problem: string): number => {
    io.err(problem);
    io.err(`Usage: npm run cli -- ${WORKER_HELP.usage}`);
    return 2;
  };
  const unknown = [...args.options.keys()].filter((k) => k !== 'queue' && k !== 'concurrency');
  if (unknown.length > 0)
    return usage(`Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`);
  if (args.positionals.length > 0) return usage(`Unexpected argument "${args.positionals[0]}".`);
  const queueText = optionValue(args, 'queue');
  if (queueText === null) return usage('The worker command needs --queue redis://HOST:PORT.');
  const address = parseQueueAddress(queueText);
  if ('problem' in address) return usage(address.problem);
  const cText = optionValue(args, 'concurrency') ?? (args.options.has('concurrency') ? '' : '1');
  const concurrency = Number(cText);
  if (!/^\d+$/.test(cText) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    return usage(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY} (got "${cText}").`,
    );
  const unreachable = await probeQueue(address);
  if (unreachable !== null) {
    io.err(unreachable);
    return 2;
  }
  if (concurrency > 1) return forkWorkers(concurrency, address, io);
  return runTrialWorker(address, io);
}

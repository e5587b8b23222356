/** Where a headless run's progress goes: a bar redrawn in place on a terminal, plain lines when stderr is piped. */
import type { RunEvent } from '../core/run/protocol';
import type { CliIo } from './io';
import { createProgressPrinter } from './progress';
import { createTerminalProgress } from './progress-bar';

/** The run event handler printing progress to `io`'s stderr; on a terminal the bar stays below the lines. */
export function progressSink(
  io: CliIo,
  now: () => number = () => performance.now(),
): (e: RunEvent) => void {
  const live = io.live;
  if (live === undefined) {
    const print = createProgressPrinter(now);
    return (e) => {
      for (const line of print(e)) io.err(line);
    };
  }
  const take = createTerminalProgress(now, live.columns);
  let bar: string | null = null;
  return (e) => {
    const update = take(e);
    if (update.lines.length > 0) {
      if (bar !== null) live.draw(null);
      for (const line of update.lines) io.err(line);
      if (bar !== null) live.draw(bar);
    }
    if (update.bar !== null) {
      bar = update.bar;
      live.draw(bar);
    }
  };
}

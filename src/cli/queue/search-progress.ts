/**
 * The coordinator's live line: trials (or seeds) done / running / waiting / failed and the best so far, as a
 * bar redrawn in place on a terminal, or as plain lines when stderr is piped (one whenever a trial
 * settles, otherwise at most every few seconds).
 */
import type { CliIo } from '../io';
import { renderBar } from '../progress-bar';
import { STEP_LINE_INTERVAL_MS } from '../progress';
import type { CoordinatorHooks, SearchCounts } from './coordinator';

/** What the coordinator counts: trials of a search, or seeds of repeats (whose best is named by its seed). */
export type CountUnit = 'trial' | 'seed';

/** The counts in words; `short` for the bar beside them on a terminal line. */
export function countsText(c: SearchCounts, short = false, unit: CountUnit = 'trial'): string {
  const acc = c.best === null ? '' : `${(100 * c.best.accuracy).toFixed(1)}%`;
  const at = (p: { index: number; fraction: number }): string =>
    `${short ? '#' : `${unit} `}${p.index} ${Math.floor(100 * p.fraction)}%`;
  const progress = (c.progress ?? []).map(at).join(', ');
  const going = progress === '' ? '' : ` · ${short ? '' : 'at '}${progress}`;
  if (short)
    return `${c.running} run · ${c.waiting} wait · ${c.failed} fail${c.best === null ? '' : ` · best ${acc} #${c.best.index}`}${going}`;
  const best = c.best === null ? 'no result yet' : `best ${acc} (${unit} ${c.best.index})`;
  return `${c.running} running · ${c.waiting} waiting · ${c.failed} failed · ${best}${going}`;
}

/** The hooks printing a search's (or repeats') progress to `io`'s stderr; `now` gives the wall clock in ms. */
export function searchProgress(
  io: CliIo,
  now: () => number = () => performance.now(),
  unit: CountUnit = 'trial',
): CoordinatorHooks & { clear(): void } {
  const live = io.live;
  let bar: string | null = null;
  let lastText = '';
  let lastSettled = -1;
  let lastAt = -Infinity;
  return {
    onLine(line) {
      if (live !== undefined && bar !== null) live.draw(null);
      io.err(line);
      if (live !== undefined && bar !== null) live.draw(bar);
    },
    onCounts(c) {
      const settled = c.done + c.failed;
      if (live !== undefined) {
        bar = renderBar(`${unit}s`, settled, c.total, countsText(c, true, unit), live.columns);
        live.draw(bar);
        return;
      }
      const text = `${unit}s ${c.done}/${c.total} done · ${countsText(c, false, unit)}`;
      const t = now();
      if (text === lastText) return;
      if (settled === lastSettled && t - lastAt < STEP_LINE_INTERVAL_MS) return;
      io.err(text);
      lastText = text;
      lastSettled = settled;
      lastAt = t;
    },
    clear() {
      if (live !== undefined && bar !== null) live.draw(null);
      bar = null;
    },
  };
}

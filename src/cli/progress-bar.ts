/** The progress a headless run shows on a terminal: one bar redrawn in place for steps and search phases, and lines for everything else. */
import type { RunEvent } from '../core/run/protocol';
import { createProgressPrinter } from './progress';

/** Least time between two redraws of the bar, ms. */
export const BAR_REDRAW_MS = 100;

/** Characters of the bar itself, between its brackets. */
const BAR_CELLS = 24;

/** The bar for `done` of `total` units of `label`, with a detail after it, cut to `width` columns. */
export function renderBar(
  label: string,
  done: number,
  total: number,
  detail: string,
  width: number,
): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.floor(share * BAR_CELLS);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}`;
  const pct = `${Math.floor(share * 100)}%`.padStart(4);
  const line = `${label} [${bar}] ${pct} ${done}/${total}${detail === '' ? '' : ` · ${detail}`}`;
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line;
}

/** What one event asks of the terminal: lines to print above the bar, and the bar to draw (null: leave it). */
export interface TerminalUpdate {
  readonly lines: readonly string[];
  readonly bar: string | null;
}

/** Turns run events into terminal updates; `now` gives the wall clock in ms, `width` the terminal's columns. */
export function createTerminalProgress(
  now: () => number,
  width: number,
): (e: RunEvent) => TerminalUpdate {
  const lines = createProgressPrinter(now);
  let totalSteps = 0;
  let lastDraw = -Infinity;
  const draw = (bar: string, last: boolean): TerminalUpdate => {
    const t = now();
    if (!last && t - lastDraw < BAR_REDRAW_MS) return { lines: [], bar: null };
    lastDraw = t;
    return { lines: [], bar };
  };
  return (e) => {
    switch (e.type) {
      case 'started':
        totalSteps = e.totalSteps;
        return { lines: lines(e), bar: null };
      case 'step':
        return draw(
          renderBar(
            'training',
            e.step,
            totalSteps,
            `epoch ${e.epoch} · loss ${e.trainLoss.toFixed(4)} · ${(e.elapsedMs / 1000).toFixed(1)} s`,
            width,
          ),
          e.step === totalSteps,
        );
      case 'progress':
        return draw(renderBar(e.phase, e.done, e.total, '', width), e.done === e.total);
      default:
        return { lines: lines(e), bar: null };
    }
  };
}

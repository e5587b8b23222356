/** The progress a headless run prints: a line per phase, status and end, and step, epoch and progress lines at most every few seconds. */
import type { RunEvent } from '../core/run/protocol';

/** Least time between two step lines, ms. */
export const STEP_LINE_INTERVAL_MS = 2000;

/** Percent with one decimal, or "n/a" for a non-finite accuracy. */
function pct(acc: number): string {
  return Number.isFinite(acc) ? `${(100 * acc).toFixed(1)}%` : 'n/a';
}

/** Seconds with one decimal. */
function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Turns run events into progress lines; `now` gives the wall clock in ms (injected for tests). */
export function createProgressPrinter(now: () => number): (e: RunEvent) => string[] {
  let totalSteps = 0;
  let lastStepLine = -Infinity;
  return (e) => {
    switch (e.type) {
      case 'backend':
        return [`backend: ${e.report.backend} (${e.report.reason})`];
      case 'started':
        totalSteps = e.totalSteps;
        return [
          `started: ${e.totalSteps} steps (${e.stepsPerEpoch} a epoch), ${e.trainCount} train / ${e.validCount} valid / ${e.testCount} test examples, ${e.paramCount} supernet weights`,
        ];
      case 'step': {
        const t = now();
        if (t - lastStepLine < STEP_LINE_INTERVAL_MS && e.step !== totalSteps) return [];
        lastStepLine = t;
        return [
          `step ${e.step}/${totalSteps} · epoch ${e.epoch} · loss ${e.trainLoss.toFixed(4)} · batch accuracy ${pct(e.trainAcc)} · ${secs(e.elapsedMs)}`,
        ];
      }
      case 'eval':
        return [
          `epoch ${e.epoch}: validation accuracy ${pct(e.validAcc)}, loss ${e.validLoss.toFixed(4)}`,
        ];
      case 'expected-latency':
        return [
          `epoch ${e.epoch}: expected latency ${e.expectedMs.toFixed(4)} ms (target ${e.targetMs} ms)`,
        ];
      case 'phase':
        return [`phase ${e.phase}: ${e.message}`];
      case 'progress': {
        const t = now();
        if (t - lastStepLine < STEP_LINE_INTERVAL_MS && e.done !== e.total) return [];
        lastStepLine = t;
        return [`${e.phase}: ${e.done}/${e.total}`];
      }
      case 'status':
        return [`${e.status}: ${e.message}`];
      case 'subnet':
        return e.record.origin === 'derived'
          ? [`derived cell: ${pct(e.record.accuracy)} validation accuracy with inherited weights`]
          : [];
      case 'finished':
        return [
          `finished after ${e.step} steps: validation ${pct(e.metrics.validAcc)}, test ${pct(e.metrics.testAcc)}`,
        ];
      default:
        return [];
    }
  };
}

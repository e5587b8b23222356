/** How the benchmark times a step: warm-ups, then the median of repeats (fewer repeats for slow backends). */
import type { BackendName } from '../core/run/protocol';
import { median } from '../core/stats/median';
import type { BenchPlan } from './protocol';

/** Two warm-ups, then five timed steps (three when a warm-up took over 5 s). */
export const DEFAULT_PLAN: BenchPlan = { warmups: 2, repeats: 5, slowRepeats: 3, slowMs: 5000 };

/**
 * WebGPU on a software adapter (~40 s a step here) and cpu (~2 minutes a step in Node): one
 * warm-up and three timed steps keep them within budget.
 */
export const SLOW_PLAN: BenchPlan = { warmups: 1, repeats: 3, slowRepeats: 3, slowMs: 5000 };

/** The plan for a backend. */
export function planFor(backend: BackendName): BenchPlan {
  return backend === 'webgpu' || backend === 'cpu' ? SLOW_PLAN : DEFAULT_PLAN;
}

/** Timings of one backend. */
export interface StepTimings {
  readonly warmupMs: number[];
  readonly samples: number[];
  readonly median: number;
}

/** Formats ms for progress lines. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/**
 * Runs `plan.warmups` untimed steps, then `plan.repeats` timed ones (`plan.slowRepeats` when the
 * last warm-up took longer than `plan.slowMs`). `step` resolves the ms it took.
 */
export async function timeSteps(
  step: () => Promise<number>,
  plan: BenchPlan,
  progress: (text: string) => void = () => undefined,
): Promise<StepTimings> {
  const warmupMs: number[] = [];
  for (let i = 0; i < plan.warmups; i++) {
    const ms = await step();
    warmupMs.push(ms);
    progress(`warm-up ${i + 1}/${plan.warmups}: ${formatDuration(ms)}`);
  }
  const last = warmupMs.at(-1);
  const repeats = last !== undefined && last > plan.slowMs ? plan.slowRepeats : plan.repeats;
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const ms = await step();
    samples.push(ms);
    progress(`step ${i + 1}/${repeats}: ${formatDuration(ms)}`);
  }
  return { warmupMs, samples, median: median(samples) };
}

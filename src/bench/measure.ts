/** Times the benchmark workload on the active tfjs backend; shared by the Node half and the bench worker. */
import type { BackendName } from '../core/run/protocol';
import * as tf from '@tensorflow/tfjs';
import {
  nativeCall,
  nativeLoaded,
  nativeThreads,
  nativeThreadsProblem,
} from '../engine/kernels/native/instance';
import { countKernels, type KernelCounts } from './kernel-count';
import type { BenchRow, BenchRuntime } from './protocol';
import { errorText, failedRow } from './rows';
import { planFor, timeSteps } from './timing';
import { createBenchWorkload } from './workload';

/** On wasm, what the engine's own module (kernels/native) does in this step, when not everything. */
function engineModuleNote(): string {
  if (!nativeLoaded()) return "; the engine's wasm module did not load: tfjs's kernels only";
  if (nativeCall(tf.backend()) === null)
    return "; the engine's wasm module cannot run in this backend's memory: tfjs's kernels only";
  const pool = nativeThreads();
  const problem = nativeThreadsProblem();
  if (pool > 1) return `; the engine's wasm module on ${pool} threads`;
  return problem === null ? '' : `; the engine's wasm module on one thread: ${problem}`;
}

/**
 * Builds the benchmark supernet on the active backend (already set by the caller), times its DARTS
 * step per the backend's plan and disposes it. The last warm-up step (untimed) is the one whose
 * kernel calls and GPU programs are counted; tensors and bytes alive are read after the timed
 * steps; `onCounts` hears the counts as soon as they are known. Never throws: a failure becomes a
 * failed row.
 */
export async function benchBackend(
  backend: BackendName,
  runtime: BenchRuntime,
  progress: (text: string) => void,
  onCounts: (counts: KernelCounts) => void = () => undefined,
): Promise<BenchRow> {
  let workload: Awaited<ReturnType<typeof createBenchWorkload>> | null = null;
  try {
    workload = await createBenchWorkload();
    const current = workload;
    progress(
      `${backend} (${runtime}): supernet built, ${current.paramCount.toLocaleString('en-US')} weights`,
    );
    const plan = planFor(backend);
    let calls = 0;
    let counts: KernelCounts | null = null;
    const step = async (): Promise<number> => {
      calls += 1;
      if (calls !== Math.max(1, plan.warmups)) return current.step();
      const counted = await countKernels(() => current.step());
      counts = counted;
      onCounts({ kernels: counted.kernels, programs: counted.programs });
      return counted.value;
    };
    const before = current.tensors();
    const t = await timeSteps(step, plan, (text) => progress(`${backend} (${runtime}): ${text}`));
    const tensorsAlive = current.tensors();
    const bytesAlive = current.bytes();
    const grown = tensorsAlive - before;
    const counted = counts as KernelCounts | null;
    const steps = t.warmupMs.length + t.samples.length;
    const warm = t.warmupMs.length === 1 ? '1 warm-up' : `${t.warmupMs.length} warm-ups`;
    const leak = grown > 0 ? `; tensor count grew by ${grown} over ${steps} steps` : '';
    return {
      backend,
      runtime,
      status: 'ok',
      msPerStep: t.median,
      samples: t.samples,
      warmupMs: t.warmupMs,
      kernelsPerStep: counted?.kernels ?? null,
      programsPerStep: counted?.programs ?? null,
      tensorsAlive,
      bytesAlive,
      paramCount: current.paramCount,
      note: `median of ${t.samples.length} after ${warm}${leak}${backend === 'wasm' ? engineModuleNote() : ''}`,
    };
  } catch (err) {
    return failedRow(backend, runtime, `step failed: ${errorText(err)}`);
  } finally {
    workload?.dispose();
  }
}

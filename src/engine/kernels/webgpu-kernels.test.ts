/**
 * How the WGSL kernels split their work into programs, checked in Node against a recording stand-in
 * for the webgpu backend (the shaders themselves run in e2e/webgpu-kernels.spec.ts): no program
 * binds more inputs than a shader stage allows, every term is taken once and in order, and every
 * intermediate is freed.
 */
import type * as tf from '@tensorflow/tfjs';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { describe, expect, it } from 'vitest';
import { batchNormTrainGradWebgpu, batchNormTrainWebgpu } from './batch-norm-webgpu';
import { weightedSumGradWWebgpu, weightedSumWebgpu } from './weighted-sum-webgpu';

interface Recorded {
  readonly program: WebGPUProgram;
  readonly inputs: tf.TensorInfo[];
  readonly uniforms: { data: number[] }[];
  readonly output: tf.TensorInfo;
}

/** A stand-in backend with `storageBuffers` bindings per shader stage that records each program run. */
function recordingBackend(storageBuffers: number) {
  const runs: Recorded[] = [];
  const disposed = new Set<object>();
  let next = 0;
  const tensor = (shape: number[]): tf.TensorInfo => ({
    dataId: { id: next++ },
    shape,
    dtype: 'float32',
  });
  const backend = {
    device: { limits: { maxStorageBuffersPerShaderStage: storageBuffers } },
    makeTensorInfo: (shape: number[]) => tensor(shape),
    disposeData: (dataId: object) => disposed.add(dataId),
    runWebGPUProgram(
      program: WebGPUProgram,
      inputs: tf.TensorInfo[],
      _dtype: string,
      uniforms: { data: number[] }[],
      output?: tf.TensorInfo,
    ): tf.TensorInfo {
      const out = output ?? tensor(program.outputShape);
      runs.push({ program, inputs, uniforms, output: out });
      return out;
    },
  };
  return { backend: backend as unknown as tf.KernelBackend, runs, disposed };
}

function terms(k: number, shape: number[]): tf.TensorInfo[] {
  return Array.from({ length: k }, (_, i) => ({
    dataId: { term: i },
    shape,
    dtype: 'float32' as const,
  }));
}

function call(f: tf.KernelFunc, inputs: tf.TensorInfo[], backend: tf.KernelBackend, attrs = {}) {
  return f({ inputs: inputs as unknown as tf.NamedTensorInfoMap, backend, attrs });
}

describe('the WGSL weighted sum', () => {
  for (const storageBuffers of [8, 16]) {
    for (const k of [1, 4, 6, 7, 8, 13, 20]) {
      it(`of ${k} terms with ${storageBuffers} storage buffers per shader takes each term once, in order`, () => {
        const { backend, runs, disposed } = recordingBackend(storageBuffers);
        const w: tf.TensorInfo = { dataId: { w: 0 }, shape: [k], dtype: 'float32' };
        const ts = terms(k, [2, 3]);
        const out = call(weightedSumWebgpu, [w, ...ts], backend) as tf.TensorInfo;
        const taken: tf.TensorInfo[] = [];
        runs.forEach((run, p) => {
          expect(run.inputs.length + 1).toBeLessThanOrEqual(storageBuffers);
          expect(run.inputs[0]).toBe(w);
          const carried = p === 0 ? [] : [(runs[p - 1] as Recorded).output];
          expect(run.inputs.slice(1, 1 + carried.length)).toEqual(carried);
          const mine = run.inputs.slice(1 + carried.length);
          // The uniform `first`: the weight index of the program's first term.
          expect(run.uniforms[0]?.data).toEqual([taken.length]);
          taken.push(...mine);
        });
        expect(taken).toEqual(ts);
        expect(out).toBe(runs.at(-1)?.output);
        // Every partial sum but the result is freed.
        expect(disposed.size).toBe(runs.length - 1);
        // The first program takes inputs - 1 terms (w beside them), each later one inputs - 2.
        const inputs = storageBuffers - 1;
        const expected = k <= inputs - 1 ? 1 : 1 + Math.ceil((k - (inputs - 1)) / (inputs - 2));
        expect(runs).toHaveLength(expected);
      });
    }
  }

  it('runs the DARTS cell’s 7 terms in 2 programs under the default 8 storage buffers', () => {
    const { backend, runs } = recordingBackend(8);
    const w: tf.TensorInfo = { dataId: {}, shape: [7], dtype: 'float32' };
    call(weightedSumWebgpu, [w, ...terms(7, [4])], backend);
    expect(runs.map((r) => r.inputs.length)).toEqual([7, 3]);
  });

  it('refuses a weight count that differs from the term count', () => {
    const { backend } = recordingBackend(8);
    const w: tf.TensorInfo = { dataId: {}, shape: [3], dtype: 'float32' };
    expect(() => call(weightedSumWebgpu, [w, ...terms(2, [4])], backend)).toThrow(
      /one term per weight \(3 weights, 2 terms\)/,
    );
  });

  for (const k of [1, 6, 7, 20]) {
    it(`weights' gradient of ${k} terms: every entry of one output written once`, () => {
      const { backend, runs } = recordingBackend(8);
      const dy: tf.TensorInfo = { dataId: {}, shape: [2, 3], dtype: 'float32' };
      const ts = terms(k, [2, 3]);
      const out = call(weightedSumGradWWebgpu, [dy, ...ts], backend) as tf.TensorInfo;
      expect(out.shape).toEqual([k]);
      const taken: tf.TensorInfo[] = [];
      for (const run of runs) {
        expect(run.inputs.length + 1).toBeLessThanOrEqual(8);
        expect(run.inputs[0]).toBe(dy);
        expect(run.output).toBe(out);
        // Uniforms: the element count, then the output index of the program's first term.
        expect(run.uniforms[0]?.data).toEqual([6]);
        expect(run.uniforms[1]?.data).toEqual([taken.length]);
        // One workgroup per term.
        expect(run.program.dispatch[0]).toBe(run.inputs.length - 1);
        taken.push(...run.inputs.slice(1));
      }
      expect(taken).toEqual(ts);
    });
  }
});

describe('the WGSL BatchNorm', () => {
  it('forward: means, rstd and normalise, one workgroup per channel, the means freed', () => {
    const { backend, runs, disposed } = recordingBackend(8);
    const x: tf.TensorInfo = { dataId: {}, shape: [4, 5, 5, 3], dtype: 'float32' };
    const [y, rstd] = batchNormTrainWebgpu({
      inputs: { x } as unknown as tf.NamedTensorInfoMap,
      backend,
      attrs: { epsilon: 1e-5 },
    }) as tf.TensorInfo[];
    expect(runs).toHaveLength(3);
    const [mean, r, norm] = runs as [Recorded, Recorded, Recorded];
    expect(mean.program.dispatch[0]).toBe(3);
    expect(r.program.dispatch[0]).toBe(3);
    expect(mean.uniforms.map((u) => u.data)).toEqual([[3], [100]]);
    expect(r.uniforms.map((u) => u.data)).toEqual([[3], [100], [1e-5]]);
    expect(r.inputs).toEqual([x, mean.output]);
    expect(norm.inputs).toEqual([x, mean.output, r.output]);
    expect(y?.shape).toEqual([4, 5, 5, 3]);
    expect(rstd).toBe(r.output);
    expect(rstd?.shape).toEqual([3]);
    expect([...disposed]).toEqual([mean.output.dataId]);
  });

  it('backward: the means of dy and dy * y, then dx; the means freed', () => {
    const { backend, runs, disposed } = recordingBackend(8);
    const shape = [7, 4];
    const dy: tf.TensorInfo = { dataId: { dy: 0 }, shape, dtype: 'float32' };
    const y: tf.TensorInfo = { dataId: { y: 0 }, shape, dtype: 'float32' };
    const rstd: tf.TensorInfo = { dataId: { r: 0 }, shape: [4], dtype: 'float32' };
    const inputs = { dy, y, rstd } as unknown as tf.NamedTensorInfoMap;
    const dx = batchNormTrainGradWebgpu({ inputs, backend, attrs: {} }) as tf.TensorInfo;
    expect(runs).toHaveLength(2);
    const [means, grad] = runs as [Recorded, Recorded];
    expect(means.program.outputShape).toEqual([2, 4]);
    expect(grad.inputs).toEqual([dy, y, rstd, means.output]);
    expect(dx.shape).toEqual(shape);
    expect([...disposed]).toEqual([means.output.dataId]);
  });
});

/**
 * What the engine's WGSL kernels share: a builder for tfjs-backend-webgpu programs (the backend
 * declares each input as `array<f32>` named after `variableNames`, the output as `result`, and the
 * uniforms it passes; the program supplies `fn main(index : i32)`), a workgroup-wide sum, and the
 * number of inputs one program may bind. Only types come from the webgpu package, so importing
 * this file never loads the backend.
 */
import type * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/** Threads of an element-wise program's workgroup (one element each). */
const ELEMENTWISE_WORKGROUP = 64;
/** Threads of a reducing program's workgroup (one workgroup per sum). */
export const REDUCE_WORKGROUP = 256;

/** Values of a program's own uniforms, in the order its `uniforms` declaration names them. */
export type ProgramUniforms = { type: 'int32' | 'float32'; data: number[] }[];

/** The webgpu backend behind a kernel's `backend` argument. */
export function webgpuOf(backend: unknown): WebGPUBackend {
  return backend as WebGPUBackend;
}

/**
 * Most inputs one program may bind: each input and the output is a storage buffer, and a shader
 * stage gets `maxStorageBuffersPerShaderStage` of them (8 unless the device asked for more; tfjs
 * does not). Past it the pipeline is invalid and the output silently keeps stale data.
 */
export function maxProgramInputs(backend: WebGPUBackend): number {
  return backend.device.limits.maxStorageBuffersPerShaderStage - 1;
}

/** An element-wise program: `body` runs once per output element, `index` its flat index (bounds checked). */
export function elementwiseProgram(
  key: string,
  variableNames: string[],
  outputShape: readonly number[],
  uniforms: string,
  body: string,
): WebGPUProgram {
  const size = outputShape.reduce((a, b) => a * b, 1);
  return {
    shaderKey: key,
    variableNames,
    outputShape: [...outputShape],
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(size / ELEMENTWISE_WORKGROUP), 1, 1],
    workgroupSize: [ELEMENTWISE_WORKGROUP, 1, 1],
    size: true,
    uniforms,
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${body}
        }
      }
    `,
  };
}

/**
 * A reducing program of `groups` workgroups of REDUCE_WORKGROUP threads: `body` runs in every
 * thread with `groupIndex` (the workgroup's number) and `lane` (the thread's), and may call
 * `workgroupSum(v)`, which every thread of the workgroup must reach (it synchronises them).
 */
export function reducingProgram(
  key: string,
  variableNames: string[],
  outputShape: readonly number[],
  groups: number,
  uniforms: string,
  body: string,
): WebGPUProgram {
  const half = REDUCE_WORKGROUP / 2;
  return {
    shaderKey: key,
    variableNames,
    outputShape: [...outputShape],
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [groups, 1, 1],
    workgroupSize: [REDUCE_WORKGROUP, 1, 1],
    uniforms,
    getUserCode: () => `
      var<workgroup> partialSums : array<f32, ${REDUCE_WORKGROUP}>;

      // The sum of value over the workgroup's threads, returned to each of them.
      fn workgroupSum(value : f32) -> f32 {
        partialSums[localIndex] = value;
        workgroupBarrier();
        for (var width = ${half}u; width > 0u; width = width / 2u) {
          if (localIndex < width) {
            partialSums[localIndex] = partialSums[localIndex] + partialSums[localIndex + width];
          }
          workgroupBarrier();
        }
        let total = partialSums[0];
        workgroupBarrier();
        return total;
      }

      fn main(index : i32) {
        let groupIndex = i32(workgroupId.x);
        let lane = i32(localIndex);
        ${body}
      }
    `,
  };
}

/** Runs `program` on `inputs` into a new float32 tensor (or into `output`, when given). */
export function runProgram(
  backend: WebGPUBackend,
  program: WebGPUProgram,
  inputs: readonly tf.TensorInfo[],
  uniforms: ProgramUniforms,
  output?: tf.TensorInfo,
): tf.TensorInfo {
  for (const t of inputs) {
    if (t.dtype !== 'float32')
      throw new Error(`A fused kernel needs float32 inputs, got ${t.dtype}.`);
  }
  return backend.runWebGPUProgram(program, [...inputs], 'float32', uniforms, output);
}

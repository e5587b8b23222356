/**
 * The mixed op's weighted-sum kernels for webgpu, in WGSL (see weighted-sum.ts for what each
 * computes). A program binds each input as a storage buffer, and a shader stage has 8 of them by
 * default, output included (past that the output silently keeps stale data): the forward sum and
 * the weights' gradient therefore take the terms in chunks, the forward sum carrying its partial
 * sum from chunk to chunk, the weights' gradient writing each chunk's entries into one output.
 */
import type * as tf from '@tensorflow/tfjs';
import {
  REDUCE_WORKGROUP,
  elementwiseProgram,
  maxProgramInputs,
  reducingProgram,
  runProgram,
  webgpuOf,
} from './webgpu-program';

function listed(inputs: tf.NamedTensorInfoMap): tf.TensorInfo[] {
  return inputs as unknown as tf.TensorInfo[];
}

function elementsOf(t: tf.TensorInfo): number {
  return t.shape.reduce((a, b) => a * b, 1);
}

/** Variable names of `count` terms: T0, T1, … */
function termNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `T${i}`);
}

/**
 * sum over i of w[i] * t_i. Each program takes w, the sum so far (after the first) and as many
 * terms as the binding limit leaves, adding them in order, as the composed products and addN do.
 */
export const weightedSumWebgpu: tf.KernelFunc = ({ inputs, backend }) => {
  const [w, ...terms] = listed(inputs);
  const first = terms[0];
  if (w === undefined || first === undefined) throw new Error('A weighted sum needs terms.');
  if (terms.length !== (w.shape[0] ?? 0)) {
    throw new Error(
      `A weighted sum needs one term per weight (${w.shape[0] ?? 0} weights, ${terms.length} terms).`,
    );
  }
  const b = webgpuOf(backend);
  const limit = maxProgramInputs(b);
  let sum: tf.TensorInfo | null = null;
  let done = 0;
  while (done < terms.length) {
    const carried = sum === null ? [] : [sum];
    const count = Math.min(limit - 1 - carried.length, terms.length - done);
    const names = termNames(count);
    const products = names.map((n, j) => `acc = acc + w[uniforms.first + ${j}] * ${n}[index];`);
    const program = elementwiseProgram(
      `nasWeightedSum_${count}_${carried.length}`,
      ['w', ...carried.map(() => 'partial'), ...names],
      first.shape,
      'first : i32,',
      `var acc = ${carried.length > 0 ? 'partial[index]' : '0.0'};
          ${products.join('\n          ')}
          result[index] = acc;`,
    );
    const next = runProgram(
      b,
      program,
      [w, ...carried, ...terms.slice(done, done + count)],
      [{ type: 'int32', data: [done] }],
    );
    if (sum !== null) b.disposeData(sum.dataId);
    sum = next;
    done += count;
  }
  return sum as tf.TensorInfo;
};

/**
 * [sum(dy * t_0), …, sum(dy * t_(k-1))]: one workgroup per term, each program taking dy and as
 * many terms as the binding limit leaves, writing its entries of the one [k] output.
 */
export const weightedSumGradWWebgpu: tf.KernelFunc = ({ inputs, backend }) => {
  const [dy, ...terms] = listed(inputs);
  if (dy === undefined) throw new Error('The weighted sum gradient needs dy.');
  const b = webgpuOf(backend);
  const limit = maxProgramInputs(b);
  const n = elementsOf(dy);
  const out = b.makeTensorInfo([terms.length], 'float32');
  for (let done = 0; done < terms.length;) {
    const count = Math.min(limit - 1, terms.length - done);
    const names = termNames(count);
    const branches = names.map(
      (name, j) => `if (groupIndex == ${j}) {
          for (var i = lane; i < uniforms.n; i = i + ${REDUCE_WORKGROUP}) {
            s = s + dy[i] * ${name}[i];
          }
        }`,
    );
    const program = reducingProgram(
      `nasWeightedSumGradW_${count}`,
      ['dy', ...names],
      [terms.length],
      count,
      'n : i32, first : i32,',
      `var s = 0.0;
        ${branches.join(' else ')}
        let total = workgroupSum(s);
        if (lane == 0) {
          result[uniforms.first + groupIndex] = total;
        }`,
    );
    runProgram(
      b,
      program,
      [dy, ...terms.slice(done, done + count)],
      [
        { type: 'int32', data: [n] },
        { type: 'int32', data: [done] },
      ],
      out,
    );
    done += count;
  }
  return out;
};

/** dy * w[index]. */
export const scaleByWeightWebgpu: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, w } = inputs as { dy: tf.TensorInfo; w: tf.TensorInfo };
  const index = (attrs as { index: number }).index;
  const program = elementwiseProgram(
    'nasScaleByWeight',
    ['dy', 'w'],
    dy.shape,
    'weightIndex : i32,',
    'result[index] = dy[index] * w[uniforms.weightIndex];',
  );
  return runProgram(webgpuOf(backend), program, [dy, w], [{ type: 'int32', data: [index] }]);
};

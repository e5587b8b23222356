import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import type { SelectionDecision } from '../../core/search-space/selection';
import { initNodeBackend } from '../node-backend';
import { randomImages, testStrategy } from '../spaces.testkit';
import { buildSupernet } from '../supernet';
import {
  selectByPerturbation,
  type PerturbationResult,
  type SelectionHooks,
  type SelectionProgress,
} from './perturbation';
import { rankByHarm } from './plan';
import { smallTopTwo } from './selection.testkit';

const DATA = randomImages(6, 6, 1, 4, [16, 16, 0]);
const space = smallTopTwo();
const strategy = testStrategy(1, 1, 8);

/** Builds the supernet for `seed`, selects with `tuneEpochs`, disposes it; checks the tensor count is flat. */
async function select(
  seed: number,
  tuneEpochs: number,
  hooks: SelectionHooks = {},
): Promise<PerturbationResult> {
  const rng = createRng(seed);
  const net = buildSupernet(space, DATA.input, DATA.classes, rng.fork());
  const before = tf.memory().numTensors;
  try {
    return await selectByPerturbation(
      net,
      { space, strategy },
      DATA,
      { tuneEpochs },
      rng.fork(),
      hooks,
    );
  } finally {
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
  }
}

/** A gate that lets `n` calls through and stops on the next, counting calls. */
function stopAfter(n: number): { gate: () => Promise<boolean>; calls: () => number } {
  let calls = 0;
  return {
    gate: () => Promise.resolve(++calls <= n),
    calls: () => calls,
  };
}

describe('selectByPerturbation on a small DARTS-style space (wasm)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('fixes every edge, then keeps k = 2 inputs per node by masking edges; never none', async () => {
    const progress: SelectionProgress[] = [];
    const gate = stopAfter(Infinity);
    const result = await select(1, 1, { onProgress: (p) => progress.push(p), gate: gate.gate });
    if (result.status !== 'finished') throw new Error('the selection did not finish');
    const { genotype, decisions } = result;
    // 5 edges per cell, then node n1 (3 usable inputs) per cell; n0 has exactly 2.
    expect(decisions.map((d) => [d.kind, d.role])).toEqual([
      ...Array.from({ length: 5 }, () => [
        ['op', 'normal'],
        ['op', 'reduce'],
      ]).flat(),
      ['node', 'normal'],
      ['node', 'reduce'],
    ]);
    for (const role of ['normal', 'reduce'] as const) {
      const cell = genotype[role];
      if (!cell) throw new Error(`no ${role} genotype`);
      expect(cell.concat).toEqual(['n0', 'n1']);
      for (const node of ['n0', 'n1'])
        expect(cell.edges.filter((e) => e.to === node)).toHaveLength(2);
      const ops = new Map<string, string>();
      const nodes: SelectionDecision[] = [];
      for (const d of decisions.filter((x) => x.role === role)) {
        if (d.kind === 'node') {
          nodes.push(d);
          // The kept inputs are the two whose removal hurt most, as measured.
          expect(d.edges).toEqual(['e2', 'e3', 'e4']);
          expect(d.kept).toEqual(
            rankByHarm(d.masked)
              .slice(0, 2)
              .map((i) => d.edges[i]),
          );
          continue;
        }
        expect(d.candidates).toEqual(['max_pool_3x3', 'skip_connect', 'sep_conv_3x3']);
        expect(d.candidates).not.toContain('none');
        expect(d.op).toBe(d.candidates[rankByHarm(d.masked)[0] ?? -1]);
        ops.set(d.edge, d.op);
      }
      expect(nodes).toHaveLength(1);
      const id = (from: string, to: string) =>
        space.normal.edges.find((e) => e.from === from && e.to === to)?.id ?? '';
      for (const e of cell.edges) {
        expect(e.op).not.toBe('none');
        expect(e.op).toBe(ops.get(id(e.from, e.to)));
      }
    }
    for (const d of decisions) {
      for (const s of [d.unmasked, ...d.masked]) {
        expect(s.acc).toBeGreaterThanOrEqual(0);
        expect(s.acc).toBeLessThanOrEqual(1);
        expect(Number.isFinite(s.loss)).toBe(true);
      }
    }
    // Gate: before each of 10 x (1 + 3) and 2 x (1 + 3) measurements and each of the
    // 5 rounds x 1 epoch x 2 tuning steps (none after the last round).
    expect(gate.calls()).toBe(10 * 4 + 2 * 4 + 5 * 2);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ done: 12, total: 12 });
    expect(last?.message).toMatch(
      /^Node n1 of the reduce cell keeps e\d from \w+, e\d from \w+\.$/,
    );
    expect(progress.filter((p) => p.message.startsWith('Fine-tuning'))).toHaveLength(5);
    // One report per measurement, as it comes.
    const measured = progress.filter((p) =>
      / validation accuracy \d+\.\d%( with nothing masked| \(\d of \d\))\.$/.test(p.message),
    );
    expect(measured).toHaveLength(10 * 4 + 2 * 4);
    expect(measured[1]?.message).toMatch(
      /^Edge e\d of the normal cell without max_pool_3x3: validation accuracy .* \(1 of 3\)\.$/,
    );
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
  });

  it('repeats the genotype and every decision for a seed', async () => {
    const first = await select(2, 1);
    expect(first.status).toBe('finished');
    expect(await select(2, 1)).toEqual(first);
  });

  it('stops cleanly when the gate says so, in a measurement or in tuning, keeping the decisions taken', async () => {
    const full = await select(4, 1);
    // Round 1 takes 2 decisions of 4 measurements each; call 9 is the first tuning step.
    for (const [calls, kept] of [
      [3, 0],
      [8, 2],
      [9, 2],
    ] as const) {
      const progress: SelectionProgress[] = [];
      const gate = stopAfter(calls);
      const result = await select(4, 1, { gate: gate.gate, onProgress: (p) => progress.push(p) });
      expect(result.status).toBe('stopped');
      expect(gate.calls()).toBe(calls + 1);
      expect(result.decisions).toEqual(full.decisions.slice(0, kept));
      expect(progress[progress.length - 1]?.done).toBe(kept);
    }
  });

  it('refuses settings and data it cannot run with', async () => {
    await expect(select(1, 1.5)).rejects.toThrow(/whole number of at least 0, got 1.5/);
    const net = buildSupernet(space, DATA.input, DATA.classes, createRng(1));
    const noValid = {
      ...DATA,
      valid: { ...DATA.valid, count: 0, x: new Float32Array(0), y: new Int32Array(0) },
    };
    await expect(
      selectByPerturbation(net, { space, strategy }, noValid, { tuneEpochs: 0 }, createRng(1)),
    ).rejects.toThrow(/validation split, which is empty/);
    net.dispose();
  });
});

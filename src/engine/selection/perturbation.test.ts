import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { deriveGenotype } from '../../core/search-space/derive';
import type { SelectionDecision } from '../../core/search-space/selection';
import { presetSpace } from '../../core/search-space/presets';
import { toCellAlphas } from '../alphas';
import { createBatchStream, toDevice } from '../batches';
import { createDartsTrainer } from '../darts/trainer';
import { initNodeBackend } from '../node-backend';
import { testStrategy } from '../spaces.testkit';
import { buildSupernet, type Supernet } from '../supernet';
import { selectByPerturbation } from './perturbation';
import { rankByHarm } from './plan';
import {
  diagonalData,
  handSpace,
  handSupernet,
  perEdgeCell,
  topOneCell,
} from './selection.testkit';

const DATA = diagonalData(20);

/** The genotype magnitude selection (argmax alpha, core's rule) reads off `net`. */
async function magnitude(net: Supernet, space: ReturnType<typeof handSpace>) {
  const snapshot = await net.softmaxAlphas();
  const a = net.alphas.normal;
  if (!snapshot.normal || !a) throw new Error('no normal alphas');
  return deriveGenotype(space, {
    normal: toCellAlphas(snapshot.normal, a.opsPerEdge),
    reduce: null,
  });
}

const accs = (d: SelectionDecision | undefined): number[] => d?.masked.map((s) => s.acc) ?? [];

describe('selectByPerturbation on hand-built supernets', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('keeps the op the supernet depends on where argmax alpha keeps skip_connect (per-edge cell)', async () => {
    const space = handSpace(perEdgeCell());
    const net = handSupernet(space, [0], [[0, 3, 0]]);
    const before = tf.memory().numTensors;
    expect((await magnitude(net, space)).normal.edges).toEqual([
      { from: 'x', to: 'h1', op: 'skip_connect' },
    ]);
    const result = await selectByPerturbation(
      net,
      { space, strategy: testStrategy(1) },
      DATA,
      { tuneEpochs: 0 },
      createRng(1),
    );
    expect(tf.memory().numTensors).toBe(before);
    if (result.status !== 'finished') throw new Error('the selection did not finish');
    expect(result.genotype).toEqual({
      normal: { edges: [{ from: 'x', to: 'h1', op: 'dense_relu' }], concat: ['h1'] },
      reduce: null,
    });
    const [d] = result.decisions;
    expect(d).toMatchObject({
      kind: 'op',
      role: 'normal',
      edge: 'e0',
      candidates: ['none', 'skip_connect', 'dense_relu'],
      op: 'dense_relu',
    });
    expect(d?.unmasked.acc).toBe(1);
    // Masking none or skip leaves every prediction; masking the dense op leaves only the tie margin.
    expect(accs(d)).toEqual([1, 1, 0.5]);
    expect(d?.masked[2]?.loss).toBeCloseTo(Math.log(2), 3);
    net.dispose();
  });

  it('chooses ops then node inputs by masking in a top-k cell: k inputs per node, never none', async () => {
    const space = handSpace(topOneCell());
    // Magnitude: skip on every edge, and node h2 keeps e1 (its skip weight is the larger).
    const net = handSupernet(
      space,
      [0],
      [
        [0, 3, 0],
        [0, 4, 0],
        [0, 2, 0],
      ],
    );
    expect((await magnitude(net, space)).normal.edges).toEqual([
      { from: 'x', to: 'h1', op: 'skip_connect' },
      { from: 'x', to: 'h2', op: 'skip_connect' },
    ]);
    const before = tf.memory().numTensors;
    const result = await selectByPerturbation(
      net,
      { space, strategy: testStrategy(1) },
      DATA,
      { tuneEpochs: 0 },
      createRng(7),
    );
    expect(tf.memory().numTensors).toBe(before);
    if (result.status !== 'finished') throw new Error('the selection did not finish');
    expect(result.genotype.normal).toEqual({
      edges: [
        { from: 'x', to: 'h1', op: 'dense_relu' },
        { from: 'h1', to: 'h2', op: 'skip_connect' },
      ],
      concat: ['h2'],
    });
    const ops = result.decisions.filter((d) => d.kind === 'op');
    expect(ops.map((d) => d.edge).sort()).toEqual(['e0', 'e1', 'e2']);
    for (const d of ops) expect(d.candidates).toEqual(['skip_connect', 'dense_relu']);
    const byEdge = new Map(ops.map((d) => [d.edge, d]));
    expect(accs(byEdge.get('e0'))).toEqual([1, 0.5]);
    expect(accs(byEdge.get('e2'))).toEqual([0.5, 1]);
    // Ops first, then the one node with more than k = 1 usable input.
    const node = result.decisions[3];
    expect(result.decisions).toHaveLength(4);
    expect(node).toMatchObject({ kind: 'node', node: 'h2', edges: ['e1', 'e2'], kept: ['e2'] });
    expect(accs(node)).toEqual([1, 0.5]);
    net.dispose();
  });

  it('after a short DARTS search on the teaching cell (per-edge), fixes every edge to one op, none a candidate', async () => {
    const space = presetSpace('teaching');
    const data = diagonalData(32);
    const strategy = { ...testStrategy(1, 1, 8), weightLr: 0.3 };
    const rng = createRng(11);
    const net = buildSupernet(space, data.input, data.classes, rng.fork());
    const trainer = createDartsTrainer(net, strategy);
    const train = createBatchStream(data.train, data.input, 8, rng.fork());
    const valid = createBatchStream(data.valid, data.input, 8, rng.fork());
    for (let i = 0; i < 20; i++) {
      const [t, v] = [toDevice(train.next(), data.input), toDevice(valid.next(), data.input)];
      tf.dispose([trainer.step(t, v, strategy.weightLr), t.x, t.y, v.x, v.y]);
    }
    trainer.dispose();
    const before = tf.memory().numTensors;
    const result = await selectByPerturbation(
      net,
      { space, strategy },
      data,
      { tuneEpochs: 1 },
      rng.fork(),
    );
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
    if (result.status !== 'finished') throw new Error('the selection did not finish');
    expect(result.decisions).toHaveLength(6);
    for (const d of result.decisions) {
      if (d.kind !== 'op') throw new Error('a per-edge cell takes op decisions only');
      expect(d.candidates).toEqual([
        'none',
        'skip_connect',
        'dense_relu',
        'dense_tanh',
        'dense_sigmoid',
      ]);
      expect(d.op).toBe(d.candidates[rankByHarm(d.masked)[0] ?? -1]);
    }
    const { edges } = result.genotype.normal;
    expect(edges.map((e) => `${e.from}>${e.to}`)).toEqual(
      space.normal.edges.map((e) => `${e.from}>${e.to}`),
    );
    const chosen = new Map(
      result.decisions.map((d) => [d.kind === 'op' ? d.edge : '', d.kind === 'op' ? d.op : '']),
    );
    expect(edges.map((e) => e.op)).toEqual(space.normal.edges.map((e) => chosen.get(e.id)));
    expect(result.genotype.normal.concat).toEqual(['h3']);
  });
});

/**
 * Parity with PyTorch: a few architectures of each kind of space, with the same weights (exported
 * from tfjs), scored by the engine and by a PyTorch implementation of every proxy written from the
 * papers' definitions (torch-proxies.py, float64, autograd). Skips only where /usr/bin/python3
 * cannot import torch (`npm test` installs Debian's python3-torch first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pytorchSource } from '../../core/export/pytorch';
import type { LoadedDataset } from '../../core/experiment/spec';
import { PROXY_NAMES } from '../../core/proxies/names';
import { createRng } from '../../core/random';
import { parseGenotype } from '../../core/search-space/genotype-parse';
import { presetSpace } from '../../core/search-space/presets';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { sampleGenotype } from '../../core/strategies/sample';
import { initNodeBackend } from '../node-backend';
import { microDarts, randomImages, randomSplit } from '../spaces.testkit';
import type { ProxyBatch } from './network';
import { variableLabel } from './network';
import { buildProxyNetwork, runProxy } from './scorer';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'torch-proxies.py');
const torchReady =
  spawnSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;

/** Relative agreement asked of every proxy. */
const TOLERANCE = 1e-3;

interface Case {
  readonly name: string;
  readonly space: SearchSpaceSpec;
  readonly genotype: Genotype;
  readonly data: LoadedDataset;
}

function parsed(space: SearchSpaceSpec, text: string): Genotype {
  const g = parseGenotype(space, text);
  if (!g.ok) throw new Error(g.error);
  return g.value;
}

const images = randomImages(14, 14, 1, 10, [16, 2, 2]);
const points: LoadedDataset = {
  id: 'spiral',
  input: { kind: 'vector', features: 2 },
  classes: 3,
  train: randomSplit(16, 2, 3, 4),
  valid: randomSplit(2, 2, 3, 5),
  test: randomSplit(2, 2, 3, 6),
};
const nb201: SearchSpaceSpec = {
  ...presetSpace('nb201'),
  macro: { channels: 8, stemMultiplier: 1, stages: 3, cellsPerStage: 1, reduction: 'residual' },
};
const teaching = presetSpace('teaching');
const darts = microDarts();
const rng = createRng(11);

const CASES: Case[] = [
  {
    name: 'nb201 conv',
    space: nb201,
    data: images,
    genotype: parsed(
      nb201,
      '|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|skip_connect~2|',
    ),
  },
  { name: 'nb201 sampled', space: nb201, data: images, genotype: sampleGenotype(nb201, rng) },
  { name: 'darts sampled', space: darts, data: images, genotype: sampleGenotype(darts, rng) },
  {
    name: 'teaching sampled',
    space: teaching,
    data: points,
    genotype: sampleGenotype(teaching, rng),
  },
];

const suite = torchReady ? describe : describe.skip;
const title = torchReady
  ? 'zero-cost proxies agree with PyTorch'
  : `zero-cost proxies agree with PyTorch — skipped: ${PYTHON} cannot import torch and numpy (npm test installs Debian's python3-torch)`;

suite(title, () => {
  const engine = new Map<string, Record<string, number>>();
  const engineLogits = new Map<string, number[]>();
  let torch: Record<string, Record<string, number | number[] | string>> = {};

  beforeAll(async () => {
    await initNodeBackend('wasm');
    const dir = mkdtempSync(join(tmpdir(), 'proxies-torch-'));
    const inputs = [];
    for (const [i, c] of CASES.entries()) {
      const host = c.data.train;
      const size = host.x.length / host.count;
      const shape = c.data.input.kind === 'image' ? [host.count, 14, 14, 1] : [host.count, size];
      const batch: ProxyBatch = { x: tf.tensor(host.x, shape), y: tf.tensor1d(host.y, 'int32') };
      const { net, dispose } = buildProxyNetwork(c.space, c.genotype, c.data, 3);
      const weights = await Promise.all(
        net.variables.map(async (v) => ({
          label: variableLabel(v),
          shape: v.shape,
          values: Array.from(await v.data()),
        })),
      );
      const logitsT = tf.tidy(() => net.forward(batch.x));
      engineLogits.set(c.name, Array.from(await logitsT.data()));
      const scores: Record<string, number> = {};
      logitsT.dispose();
      for (const p of PROXY_NAMES) scores[p] = await runProxy(p, net, batch, c.data.input);
      engine.set(c.name, scores);
      dispose();
      const path = join(dir, `network_${i}.py`);
      writeFileSync(path, pytorchSource(c.space, c.genotype, c.data.input, c.data.classes));
      inputs.push({
        name: c.name,
        path,
        weights,
        x: Array.from(host.x),
        xshape: shape,
        y: Array.from(host.y),
      });
      tf.dispose([batch.x, batch.y]);
    }
    const r = spawnSync(PYTHON, [SCRIPT], {
      input: JSON.stringify(inputs),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`torch-proxies.py failed: ${r.stderr}`);
    torch = JSON.parse(r.stdout) as typeof torch;
  }, 300_000);

  for (const c of CASES) {
    it(`${c.name}: same logits, and every proxy within tolerance`, () => {
      const mine = engine.get(c.name);
      const theirs = torch[c.name];
      if (!mine || !theirs) throw new Error('case missing');
      if (typeof theirs.error === 'string') throw new Error(theirs.error);
      const logits = theirs.logits as number[];
      (engineLogits.get(c.name) ?? []).forEach((v, i) =>
        expect(Math.abs(v - (logits[i] ?? NaN))).toBeLessThan(1e-4),
      );
      for (const p of PROXY_NAMES) {
        const a = mine[p] ?? NaN;
        const b = theirs[p];
        // PyTorch's non-finite scores come as text: "-inf" for a singular NASWOT kernel, "nan".
        if (typeof b === 'string') {
          expect(String(a).toLowerCase().replace('infinity', 'inf'), p).toBe(b);
          continue;
        }
        if (typeof b !== 'number') throw new Error(`${p} missing from PyTorch's answer`);
        const rel = Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
        expect(rel, `${p}: engine ${a}, PyTorch ${b}`).toBeLessThan(TOLERANCE);
      }
    });
  }
});

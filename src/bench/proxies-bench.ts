/**
 * The zero-cost proxies' speed: architectures scored per second for each proxy on NAS-Bench-201
 * (the studio's browser skeleton: 8 channels, one cell per stage, 3 stages) over MNIST 14x14 on the
 * wasm backend in Node, from a batch of 64, on a seeded sample of distinct architectures after two
 * warm-up scorings; and how long scoring all 15,625 with one proxy would take at that rate.
 */
import { loadDataset } from '../core/data/load';
import { defaultExperiment } from '../core/experiment/defaults';
import { PROXY_NAMES, type ProxyName } from '../core/proxies/names';
import { createRng } from '../core/random';
import type { Genotype } from '../core/search-space/types';
import { genotypeKey } from '../core/strategies/genotype-key';
import { sampleGenotype } from '../core/strategies/sample';
import { readMnist } from '../cli/headless';
import { initNodeBackend } from '../engine/node-backend';
import { createProxyScorer, PROXY_BATCH_SIZE } from '../engine/proxies/scorer';

/** One proxy's measured rate. */
export interface ProxyBenchRow {
  readonly proxy: ProxyName;
  readonly architectures: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Minutes to score NAS-Bench-201's 15,625 architectures at this rate. */
  readonly wholeSpaceMinutes: number;
  /** CPU time of this process per architecture (user + system), ms: less disturbed by other load than wall time. */
  readonly cpuMsPerArchitecture: number;
  /** Minutes for all 15,625 at that CPU time (what a machine with a free core would take). */
  readonly wholeSpaceCpuMinutes: number;
}

/** NAS-Bench-201's size. */
const NB201_SIZE = 15_625;

/** `count` distinct architectures of `space`, seeded. */
function distinctSample(
  space: Parameters<typeof sampleGenotype>[0],
  count: number,
  seed: number,
): Genotype[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: Genotype[] = [];
  while (out.length < count) {
    const g = sampleGenotype(space, rng);
    const key = genotypeKey(space, g);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(g);
    }
  }
  return out;
}

/** Times `sample` architectures per proxy (only `proxies`), reporting through `progress`. */
export async function runProxyBench(
  sample: number,
  proxies: readonly ProxyName[],
  progress: (text: string) => void,
): Promise<ProxyBenchRow[]> {
  await initNodeBackend('wasm');
  const spec = defaultExperiment('nb201', 'mnist');
  const data = await loadDataset(spec.dataset, spec.seed, readMnist);
  const scorer = createProxyScorer(data, { seed: 1, batchSize: PROXY_BATCH_SIZE });
  const archs = distinctSample(spec.space, sample + 2, 7);
  const rows: ProxyBenchRow[] = [];
  try {
    for (const proxy of proxies) {
      for (const g of archs.slice(0, 2)) await scorer.score(spec.space, g, [proxy]);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (const g of archs.slice(2)) await scorer.score(spec.space, g, [proxy]);
      const cpu = process.cpuUsage(c0);
      const seconds = (performance.now() - t0) / 1000;
      const perSecond = sample / seconds;
      const cpuMs = (cpu.user + cpu.system) / 1000 / sample;
      rows.push({
        proxy,
        architectures: sample,
        seconds,
        perSecond,
        wholeSpaceMinutes: NB201_SIZE / perSecond / 60,
        cpuMsPerArchitecture: cpuMs,
        wholeSpaceCpuMinutes: (NB201_SIZE * cpuMs) / 60_000,
      });
      progress(`proxies: ${proxy} ${perSecond.toFixed(1)} architectures/s over ${sample}`);
    }
  } finally {
    scorer.dispose();
  }
  return rows;
}

/** The rows as a table. */
export function formatProxyTable(rows: readonly ProxyBenchRow[]): string {
  const head =
    '| proxy | architectures | seconds | architectures/s | all 15,625 (min) | CPU ms / architecture | all 15,625 at CPU time (min) |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|';
  const body = rows.map(
    (r) =>
      `| ${r.proxy} | ${r.architectures} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${r.wholeSpaceMinutes.toFixed(1)} | ${r.cpuMsPerArchitecture.toFixed(0)} | ${r.wholeSpaceCpuMinutes.toFixed(1)} |`,
  );
  return [
    'Zero-cost proxies: NAS-Bench-201 (8 channels, 1 cell per stage, 3 stages) on MNIST 14x14, wasm in Node, batch 64',
    head,
    rule,
    ...body,
  ].join('\n');
}

/** Every proxy, for the default run. */
export const BENCH_PROXIES: readonly ProxyName[] = PROXY_NAMES;

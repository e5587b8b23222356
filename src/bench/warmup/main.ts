/**
 * `npm run bench:warmup`: regularized evolution (multi-trial, each subnet trained from scratch) with
 * a random first population and with a zero-cost warm-up, over several seeds at the same trial
 * budget, on the headless path of `cli run` (wasm). Prints the best-so-far validation accuracy after
 * k trials (mean ± sd over seeds) for both, and the wall time of each. Options: --space, --dataset
 * (default teaching / spiral), --seeds N (5), --trials N and --population N (the default's),
 * --proxy (synflow), --pool N (500), --epochs N (the default's per-trial epochs).
 */
import { loadavg } from 'node:os';
import { optionValue, parseArgs } from '../../cli/args';
import { resolveExperiment } from '../../cli/experiment-source';
import { runHeadless } from '../../cli/headless';
import { withWarmupRequest } from '../../cli/warmup-options';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { isProxyName, type ProxyName } from '../../core/proxies/names';
import { createRunControl } from '../../core/run/control';
import { WARMUP_POOL_DEFAULT } from '../../core/strategies/warmup';
import { bestSoFar, meanSd } from './best-so-far';

/** The bench's settings, read from the command line. */
interface Settings {
  readonly space: string;
  readonly dataset: string;
  readonly seeds: number;
  readonly trials: number | null;
  readonly population: number | null;
  readonly epochs: number | null;
  readonly proxy: ProxyName;
  readonly pool: number;
}

/** A whole number option, its default when absent; throws on a bad one. */
function whole(args: ReturnType<typeof parseArgs>, name: string, fallback: number | null) {
  const text = optionValue(args, name);
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1.`);
  return n;
}

function settings(argv: readonly string[]): Settings {
  const args = parseArgs(argv);
  const proxy = optionValue(args, 'proxy') ?? 'synflow';
  if (!isProxyName(proxy)) throw new Error(`--proxy must be a zero-cost proxy (got ${proxy}).`);
  return {
    space: optionValue(args, 'space') ?? 'teaching',
    dataset: optionValue(args, 'dataset') ?? 'spiral',
    seeds: whole(args, 'seeds', 5) ?? 5,
    trials: whole(args, 'trials', null),
    population: whole(args, 'population', null),
    epochs: whole(args, 'epochs', null),
    proxy,
    pool: whole(args, 'pool', WARMUP_POOL_DEFAULT) ?? WARMUP_POOL_DEFAULT,
  };
}

/** The multi-trial evolution experiment of `seed`, with the warm-up or without. */
async function specOf(s: Settings, seed: number, warm: boolean): Promise<ExperimentSpec> {
  const base = await resolveExperiment(
    {
      spec: null,
      space: s.space,
      dataset: s.dataset,
      strategy: 'multi-trial',
      seed,
      epochs: s.epochs,
    },
    process.cwd(),
  );
  if (!base.ok) throw new Error(base.problems.join(' '));
  const st = base.spec.strategy;
  if (st.kind !== 'multi-trial') throw new Error('not a multi-trial experiment');
  const trials = s.trials ?? st.trials;
  const spec = {
    ...base.spec,
    strategy: {
      ...st,
      search: 'evolution' as const,
      trials,
      population: Math.min(s.population ?? st.population, trials),
    },
  };
  const made = withWarmupRequest(
    spec,
    warm ? { proxy: s.proxy, pool: s.pool } : { proxy: 'none', pool: null },
  );
  if (!made.ok) throw new Error(made.problems.join(' '));
  return made.spec;
}

/** One run: its best-so-far curve, wall seconds, the seconds its warm-up scored for (0 without), and the first population's mean params. */
async function runOne(spec: ExperimentSpec, ks: readonly number[], population: number) {
  const started = performance.now();
  let warmupFrom: number | null = null;
  let warmupSeconds = 0;
  const { status, state } = await runHeadless(spec, 'wasm', createRunControl(), (e) => {
    if (e.type !== 'phase') return;
    if (e.message.startsWith('Warm-up')) warmupFrom = performance.now();
    else if (warmupFrom !== null) {
      warmupSeconds = (performance.now() - warmupFrom) / 1000;
      warmupFrom = null;
    }
  });
  if (status !== 'finished')
    throw new Error(`run ${status}: ${state.messages.at(-1)?.message ?? ''}`);
  return {
    curve: bestSoFar(state.subnets, ks),
    seconds: (performance.now() - started) / 1000,
    warmupSeconds,
    firstParams: meanSd(state.subnets.slice(0, population).map((r) => r.params)).mean,
    fromWarmup: state.subnets.filter((r) => r.origin === 'warmup').length,
  };
}

const pct = (x: { mean: number; sd: number }) =>
  `${(100 * x.mean).toFixed(1)} ± ${(100 * x.sd).toFixed(1)}`;

async function main(): Promise<number> {
  const s = settings(process.argv.slice(2));
  const probe = await specOf(s, 1, true);
  if (probe.strategy.kind !== 'multi-trial') return 2;
  const { trials, population, epochs } = probe.strategy;
  const ks = [
    ...new Set([
      1,
      Math.ceil(population / 2),
      population,
      Math.round((population + trials) / 2),
      trials,
    ]),
  ]
    .filter((k) => k >= 1 && k <= trials)
    .sort((a, b) => a - b);
  console.log(
    `${s.space} / ${s.dataset}: evolution, ${trials} trials of ${epochs} epoch(s), population ${population}; warm-up ${s.proxy} over a pool of ${s.pool}; seeds 1..${s.seeds}`,
  );
  const arms = { random: [] as number[][], warmup: [] as number[][] };
  const seconds = { random: [] as number[], warmup: [] as number[] };
  for (let seed = 1; seed <= s.seeds; seed++) {
    for (const arm of ['random', 'warmup'] as const) {
      const r = await runOne(await specOf(s, seed, arm === 'warmup'), ks, population);
      arms[arm].push(r.curve);
      seconds[arm].push(r.seconds);
      console.log(
        `  seed ${seed} ${arm.padEnd(6)}: best after k=${ks.join('/')}: ${r.curve.map((a) => (100 * a).toFixed(1)).join(' / ')}%  (${r.seconds.toFixed(0)} s, warm-up ${r.warmupSeconds.toFixed(1)} s, ${r.fromWarmup} from the warm-up, first population ${Math.round(r.firstParams)} params on average, load ${loadavg()[0]?.toFixed(1)})`,
      );
    }
  }
  console.log('\n| trials k | random first population | warm-up |');
  console.log('|---|---|---|');
  ks.forEach((k, i) => {
    const at = (arm: 'random' | 'warmup') => meanSd(arms[arm].map((c) => c[i] ?? Number.NaN));
    console.log(`| ${k} | ${pct(at('random'))}% | ${pct(at('warmup'))}% |`);
  });
  const wall = (arm: 'random' | 'warmup') => meanSd(seconds[arm]);
  console.log(
    `| wall s per run | ${wall('random').mean.toFixed(0)} ± ${wall('random').sd.toFixed(0)} | ${wall('warmup').mean.toFixed(0)} ± ${wall('warmup').sd.toFixed(0)} |`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);

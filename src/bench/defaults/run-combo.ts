/** One default experiment run as `npm run cli -- run` runs it (runHeadless on wasm), timed, with its reference and verdict. */
import { capabilitiesOf } from '../../core/strategy/registry';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { loadDataset } from '../../core/data/load';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { validateExperiment } from '../../core/experiment/validate';
import { createRunControl } from '../../core/run/control';
import type { RunState } from '../../core/run/state';
import type { Genotype } from '../../core/search-space/types';
import { lastPoint } from '../../core/series/downsample';
import { resolveExperiment } from '../../cli/experiment-source';
import { MNIST_FILE, runHeadless } from '../../cli/headless';
import type { Combo } from './combos';
import { applyOverrides, type SpecOverride } from './overrides';
import { referenceAccuracy } from './reference';
import { chanceAccuracy, judge, type Verdict } from './verdict';

/** How the bench runs a combination. */
export interface ComboOptions {
  readonly seed: number | null;
  readonly overrides: readonly SpecOverride[];
  /** Train the best subnet of SPOS / multi-trial stand-alone as the reference (off: no verdict on accuracy). */
  readonly reference: boolean;
}

/** What the bench measured for one combination. */
export interface ComboResult extends Combo {
  readonly seed: number;
  readonly status: string;
  /** The run's failure or stop message, when it has one. */
  readonly message: string | null;
  readonly wallMinutes: number;
  /** CPU time of the run (one wasm thread): the run time on an otherwise idle machine, judged by the time rule. */
  readonly cpuMinutes: number;
  /** 1-minute load average when the run started and ended. */
  readonly load: readonly [number, number];
  readonly steps: number;
  /** Share of the run's wall time spent in training steps (SPOS: the supernet; DARTS: the search steps; multi-trial: the trials). */
  readonly trainingShare: number;
  /** DARTS: the supernet's final validation accuracy; SPOS / multi-trial: the best subnet's. */
  readonly accuracy: number;
  /** DARTS: the derived cell's validation accuracy with inherited weights; otherwise null. */
  readonly derived: number | null;
  /** SPOS / multi-trial: the best subnet trained stand-alone with the reference recipe; otherwise null. */
  readonly referenceAccuracy: number | null;
  readonly referenceMinutes: number | null;
  readonly chance: number;
  readonly verdict: Verdict;
  /** The genotype key of the derived cell (DARTS) or the best subnet. */
  readonly architecture: string | null;
  /** That genotype, to train or export again. */
  readonly genotype: Genotype | null;
  readonly spec: Pick<ExperimentSpec, 'dataset' | 'strategy'> & {
    readonly macro: ExperimentSpec['space']['macro'];
  };
}

/** The experiment of a combination: its defaults (as `cli run` builds them), the seed and the overrides; or the problems. */
export async function comboSpec(
  c: Combo,
  o: ComboOptions,
): Promise<{ spec: ExperimentSpec } | { problem: string }> {
  const source = await resolveExperiment(
    {
      spec: null,
      space: c.preset,
      dataset: c.dataset,
      strategy: c.strategy,
      seed: o.seed,
      epochs: null,
    },
    process.cwd(),
  );
  if (!source.ok) return { problem: source.problems.join(' ') };
  const changed = applyOverrides(source.spec, o.overrides);
  if ('problem' in changed) return changed;
  const problems = validateExperiment(changed.spec);
  return problems.length === 0
    ? changed
    : { problem: problems.map((p) => `${p.path}: ${p.message}`).join(' ') };
}

/** The derived cell's record of a DARTS run, or the finished best subnet of a search. */
function foundOf(state: RunState): {
  derived: number | null;
  architecture: string | null;
  genotype: Genotype | null;
} {
  const derived = state.subnets.find((r) => r.origin === 'derived');
  if (state.spec && capabilitiesOf(state.spec.strategy.kind).alphas)
    return {
      derived: derived?.accuracy ?? Number.NaN,
      architecture: derived?.key ?? null,
      genotype: derived?.genotype ?? null,
    };
  const best = [...state.subnets].sort((a, b) => b.accuracy - a.accuracy)[0];
  return { derived: null, architecture: best?.key ?? null, genotype: best?.genotype ?? null };
}

/** Runs `spec` headless on wasm and measures it; for SPOS / multi-trial also trains the reference. */
export async function runCombo(
  c: Combo,
  spec: ExperimentSpec,
  o: ComboOptions,
  onLine: (line: string) => void,
): Promise<ComboResult> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { status, state } = await runHeadless(spec, 'wasm', createRunControl(), (e) => {
    if (e.type === 'phase') onLine(`  phase ${e.phase}: ${e.message}`);
  });
  const wallMinutes = (performance.now() - t0) / 60000;
  const used = process.cpuUsage(cpu0);
  const cpuMinutes = (used.user + used.system) / 6e7;
  const loadAfter = loadavg()[0] ?? Number.NaN;
  const data = await loadDataset(
    spec.dataset,
    spec.seed,
    async () => new Uint8Array(await readFile(MNIST_FILE)),
  );
  const chance = chanceAccuracy(data.valid.y);
  const accuracy = state.result?.metrics.validAcc ?? Number.NaN;
  const { derived, architecture, genotype } = foundOf(state);
  let reference: number | null = null;
  let referenceMinutes: number | null = null;
  const best = state.result?.genotype;
  const alphas = capabilitiesOf(spec.strategy.kind).alphas;
  if (!alphas && o.reference && status === 'finished' && best) {
    onLine('  training the best subnet stand-alone (reference)');
    const r0 = performance.now();
    reference = await referenceAccuracy(spec.space, best, data, spec.seed);
    referenceMinutes = (performance.now() - r0) / 60000;
  }
  const verdict = judge({
    strategy: spec.strategy.kind,
    minutes: cpuMinutes,
    found: derived ?? accuracy,
    reference: alphas ? accuracy : (reference ?? Number.NaN),
    chance,
  });
  return {
    ...c,
    seed: spec.seed,
    status,
    message: status === 'finished' ? null : (state.error ?? state.messages.at(-1)?.message ?? null),
    wallMinutes,
    cpuMinutes,
    load: [loadBefore, loadAfter],
    steps: state.result?.step ?? lastPoint(state.steps)?.step ?? 0,
    trainingShare: (lastPoint(state.steps)?.elapsedMs ?? Number.NaN) / (wallMinutes * 60000),
    accuracy,
    derived,
    referenceAccuracy: reference,
    referenceMinutes,
    chance,
    verdict,
    architecture,
    genotype,
    spec: { dataset: spec.dataset, strategy: spec.strategy, macro: spec.space.macro },
  };
}

/**
 * Perturbation-based architecture selection (Wang et al., ICLR 2021, "Rethinking Architecture
 * Selection in Differentiable NAS"; darts-pt): instead of reading the genotype off the largest
 * alphas, remove each candidate from the trained supernet and keep the one whose removal lowers the
 * validation accuracy most, fine-tuning the supernet between decisions.
 */
import type { DartsSettings, LoadedDataset } from '../../core/experiment/spec';
import type { Rng } from '../../core/random';
import type { SelectionDecision } from '../../core/search-space/selection';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import type { Supernet } from '../supernet';
import { decideStep, type DecisionContext } from './decide';
import { emptyState, selectedGenotype, selectionRounds, type SelectionStep } from './plan';
import { createSelectionTuner, type SelectionTuner } from './tuner';

/** What a selection needs of the experiment: the space and the DARTS settings (tuning optimiser, batch size). */
export interface SelectionSpec {
  readonly space: SearchSpaceSpec;
  readonly strategy: DartsSettings;
}

/** Selection settings: `tuneEpochs` passes over the training split between rounds of decisions (darts-pt: 5 on CIFAR-10). */
export interface PerturbationSettings {
  readonly tuneEpochs: number;
}

/** Where a selection stands: decisions taken of all it will take, and what it is doing, in a sentence. */
export interface SelectionProgress {
  readonly done: number;
  readonly total: number;
  readonly message: string;
}

/** Optional hooks: progress reports, and a gate awaited before every measurement and tuning step (false stops). */
export interface SelectionHooks {
  readonly onProgress?: (p: SelectionProgress) => void;
  readonly gate?: () => Promise<boolean>;
}

/** The outcome: the genotype and every decision, or (when the gate stopped it) the decisions taken so far. */
export type PerturbationResult =
  | {
      readonly status: 'finished';
      readonly genotype: Genotype;
      readonly decisions: readonly SelectionDecision[];
    }
  | { readonly status: 'stopped'; readonly decisions: readonly SelectionDecision[] };

/** Throws with a plain sentence when the settings or the data cannot run a selection of `rounds` rounds. */
function check(settings: PerturbationSettings, data: LoadedDataset, rounds: number): void {
  const t = settings.tuneEpochs;
  if (!(Number.isInteger(t) && t >= 0))
    throw new Error(`Tuning epochs must be a whole number of at least 0, got ${t}.`);
  if (data.valid.count === 0)
    throw new Error(
      'Perturbation-based selection measures on the validation split, which is empty.',
    );
  if (t > 0 && rounds > 1 && data.train.count === 0)
    throw new Error(
      'Fine-tuning between decisions needs training examples; the training split is empty.',
    );
}

/** True when some round after `r` still fixes an edge's op (so alphas still matter in tuning). */
function opsAfter(rounds: readonly (readonly SelectionStep[])[], r: number): boolean {
  return rounds.slice(r + 1).some((round) => round.some((step) => step.kind === 'op'));
}

/**
 * The tuning after `done` decisions: `epochs` epochs of `stepsPerEpoch` steps, the gate before each,
 * one progress report per epoch; resolves false when the gate stopped it, throws on a non-finite loss.
 */
async function tuneRound(
  tuner: SelectionTuner,
  ctx: DecisionContext,
  done: number,
  epochs: number,
  stepsPerEpoch: number,
  trainAlphas: boolean,
): Promise<boolean> {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let sum = 0;
    for (let i = 0; i < stepsPerEpoch; i++) {
      if (!(await ctx.gate())) return false;
      const loss = await tuner.step(ctx.state, trainAlphas);
      if (!Number.isFinite(loss))
        throw new Error(
          `Fine-tuning after ${done} decision(s) produced a non-finite loss (${loss}); lower the weight learning rate.`,
        );
      sum += loss;
    }
    ctx.report(
      `Fine-tuning the supernet with ${done} decision(s) fixed: epoch ${epoch} of ${epochs}, mean training loss ${(sum / stepsPerEpoch).toFixed(4)}.`,
    );
  }
  return true;
}

/**
 * Selects a genotype from the trained supernet `net` by perturbation. Decisions come in rounds, as
 * in darts-pt: first every edge's op, then (top-k cells) every node's inputs; within each cell in
 * an order shuffled with `rng`, one decision per searched cell per round. An op decision masks each
 * candidate op of the edge in turn (every op in per-edge cells, `none` included; every op but `none`
 * in top-k cells) and fixes the edge to the op whose removal gives the lowest validation accuracy
 * (ties: higher validation loss, then the earlier op); a fixed edge runs one-hot from then on. A
 * node decision (a top-k node with more than k usable inputs) masks each incoming edge in turn and
 * keeps the k whose removal hurts most; the other edges are dropped. Every measurement runs the
 * whole validation split with the decisions so far applied (masked weights are zeroed, not
 * renormalised); the unmasked score is measured too, for the record.
 *
 * Between rounds (not after the last) it fine-tunes the supernet in place for `tuneEpochs` epochs
 * with the decisions applied in every forward pass: the network weights with a fresh SGD (the
 * search's momentum, weight decay and clipping) at a tenth of the search's weight learning rate,
 * cosine-annealed per step to its minimum, and, while edges are undecided, the alphas with a first-
 * order Adam step on a validation batch before each weight step (the search's alpha settings, fresh
 * moments): weights and alphas, as darts-pt tunes. `hooks.gate` is awaited before every
 * measurement and every tuning step; when it resolves false the selection stops there and resolves
 * the decisions already taken. Throws on a non-finite tuning loss or unusable settings or data.
 * Every tensor it makes is disposed before it resolves or throws.
 */
export async function selectByPerturbation(
  net: Supernet,
  spec: SelectionSpec,
  data: LoadedDataset,
  settings: PerturbationSettings,
  rng: Rng,
  hooks: SelectionHooks = {},
): Promise<PerturbationResult> {
  const rounds = selectionRounds(spec.space, rng);
  const tunerRng = rng.fork();
  check(settings, data, rounds.length);
  const stepsPerEpoch = Math.ceil(data.train.count / spec.strategy.batchSize);
  const tuneSteps = Math.max(0, rounds.length - 1) * settings.tuneEpochs * stepsPerEpoch;
  const total = rounds.reduce((n, round) => n + round.length, 0);
  const decisions: SelectionDecision[] = [];
  const ctx: DecisionContext = {
    net,
    space: spec.space,
    data,
    batchSize: spec.strategy.batchSize,
    state: emptyState(spec.space),
    gate: hooks.gate ?? (() => Promise.resolve(true)),
    report: (message) => hooks.onProgress?.({ done: decisions.length, total, message }),
  };
  const tuner =
    tuneSteps > 0 ? createSelectionTuner(net, spec.strategy, data, tunerRng, tuneSteps) : null;
  const stopped = (): PerturbationResult => ({ status: 'stopped', decisions });
  try {
    for (const [r, round] of rounds.entries()) {
      for (const step of round) {
        const decision = await decideStep(ctx, step);
        if (decision === null) return stopped();
        decisions.push(decision.record);
        ctx.report(decision.summary);
      }
      if (!tuner || r === rounds.length - 1) continue;
      const alphas = opsAfter(rounds, r);
      const d = decisions.length;
      if (!(await tuneRound(tuner, ctx, d, settings.tuneEpochs, stepsPerEpoch, alphas)))
        return stopped();
    }
    return { status: 'finished', genotype: selectedGenotype(spec.space, ctx.state), decisions };
  } finally {
    tuner?.dispose();
  }
}

/** A trust warning: a plain-words caveat shown beside a number that should not be taken at face value, with what to do about it. Plain data. */

/** Where a warning is shown: beside the derived genotype and alphas, beside an accuracy, or beside the ranking-fidelity numbers. */
export type TrustTopic = 'genotype' | 'accuracy' | 'fidelity';

/** Every warning the studio can give, each with the place it is shown and its few-word title. */
export const TRUST_WARNINGS = {
  /** DARTS: the softmax(α) rows are still close to uniform, so the genotype read off them is close to arbitrary. */
  'alphas-uniform': { topic: 'genotype', title: 'Alphas still undecided' },
  /** DARTS: the derived cell, with inherited weights, scores about chance. */
  'derived-near-chance': { topic: 'accuracy', title: 'Derived cell near chance' },
  /** SPOS / multi-trial: the best subnet found scores about chance. */
  'best-near-chance': { topic: 'accuracy', title: 'Best subnet near chance' },
  /** DARTS: the derived cell scores far below the supernet it was read from. */
  'discretization-gap': { topic: 'accuracy', title: 'Large discretization gap' },
  /** Rank correlations from too few pairs to say much. */
  'few-pairs': { topic: 'fidelity', title: 'Too few pairs' },
  /** Rank correlations from pairs mostly near chance, whose order is mostly noise. */
  'pairs-near-chance': { topic: 'fidelity', title: 'Pairs near chance' },
  /** Rank correlations from stand-alone trainings too short to beat the inherited estimates. */
  'short-standalone': { topic: 'fidelity', title: 'Stand-alone training too short' },
  /** Rank correlations from stand-alone trainings that had the default budget and still mostly score below the inherited estimates. */
  'standalone-below': { topic: 'fidelity', title: 'Stand-alone below inherited' },
} as const satisfies Record<string, { readonly topic: TrustTopic; readonly title: string }>;

/** The kind of a trust warning. */
export type TrustWarningKind = keyof typeof TRUST_WARNINGS;

/** One warning: what is wrong (with its numbers) and what to do. */
export interface TrustWarning {
  readonly kind: TrustWarningKind;
  /** What the number does not show, in plain words, with the values that raised the warning. */
  readonly problem: string;
  /** What to do about it. */
  readonly action: string;
}

/** The few-word title of a warning, e.g. "Too few pairs". */
export function warningTitle(warning: TrustWarning): string {
  return TRUST_WARNINGS[warning.kind].title;
}

/** The warnings of `warnings` shown at `topic`, in their order. */
export function warningsAt(warnings: readonly TrustWarning[], topic: TrustTopic): TrustWarning[] {
  return warnings.filter((w) => TRUST_WARNINGS[w.kind].topic === topic);
}

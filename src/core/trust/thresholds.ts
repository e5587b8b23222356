/**
 * The thresholds of the trust warnings, each with why it has its value. Accuracies are fractions in
 * [0, 1]; a warning fires strictly past its threshold.
 */

/**
 * Mean normalised entropy of the softmax(α) rows (entropy / ln(ops on the edge); 1 = uniform) above
 * which the alphas count as still undecided. Alphas start at 1e-3 · N(0, 1), so a fresh row sits at
 * 0.99999. On a five-op edge (NAS-Bench-201), a row whose strongest op holds 0.30 while the other
 * four share the rest evenly scores 0.983, and one at 0.33 scores 0.971: above 0.98 the typical edge
 * prefers its op by less than half again the uniform 0.2, too little for its argmax to mean much.
 * The default DARTS run on NB201 / MNIST (all alphas within 0.17-0.23) ends at about 0.997.
 */
export const ALPHA_UNIFORM_ENTROPY = 0.98;

/**
 * An accuracy counts as near chance when it is below chance + this share of the way from chance to
 * perfect: 19% on MNIST's 10 classes, 55% on the 2D sets' 2. A network there has learned less than
 * a tenth of what there is to learn. On the default splits that is also close to what a guess
 * scores by luck: chance ± 1 standard error is 10 ± 1.1% on MNIST's 800 validation digits (19% is
 * far above that, but still useless) and 50 ± 3.2% on the 2D sets' 240 validation points (55% is
 * within two standard errors of a coin).
 */
export const NEAR_CHANCE_SHARE = 0.1;

/**
 * The discretization gap (supernet validation accuracy minus the derived cell's, both with the
 * supernet's weights) above which it is called large: 10 percentage points. The standard error of
 * a difference of two accuracies on MNIST's 800 validation digits is at most 2.5 points, so a gap
 * past 10 is real; and once the cell loses that much, the supernet's accuracy says little about the
 * cell it hands over (Wang et al. 2021 show such gaps for selection by alpha magnitude).
 */
export const DISCRETIZATION_GAP = 0.1;

/** Pairs needed before the ranking-fidelity view reports Kendall's τ and Spearman's ρ at all. */
export const FIDELITY_MIN_PAIRS = 3;

/**
 * Pairs below which a rank correlation is flagged as resting on too few pairs: 5. With 4 pairs,
 * even a perfect τ = 1 (or −1) arises by chance 2 times in 24 (two-sided); with 5, 2 times in 120.
 * Below 5, one subnet more or less can flip the sign.
 */
export const FIDELITY_RELIABLE_PAIRS = 5;

/**
 * Share of pairs whose stand-alone accuracy is below the same subnet's inherited accuracy, above
 * which the stand-alone training counts as too short: more than half. A subnet trained on its own
 * for long enough should reach at least what weights shared with thousands of other subnets give
 * it; when most fall short, the stand-alone numbers rank how fast subnets start to learn, not how
 * good they are. Half leaves room for the noise of a few subnets.
 */
export const SHORT_STANDALONE_SHARE = 0.5;

/**
 * Share of pairs near chance (either accuracy below the near-chance limit) above which rank
 * correlations are flagged: more than half. Near chance, two accuracies differ by about their
 * sampling noise (±3.2 points at 50% on the 2D sets' 240 validation points), so the order of such
 * pairs is mostly a coin toss; a few of them among well-trained pairs do no harm.
 */
export const NEAR_CHANCE_PAIRS_SHARE = 0.5;

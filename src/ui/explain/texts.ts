/**
 * The "What am I looking at?" texts: for every view, what it shows, how to read it, what would be
 * surprising, and the papers it comes from. Plain text only (rendered as text, never as markup).
 * Each sentence describes what the studio computes; where the studio departs from a paper the
 * text says so.
 */

/** A paper a view comes from. */
export interface Paper {
  /** "Liu, Simonyan & Yang", or "Zela et al." for more than three authors. */
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  /** Where it appeared: "ICLR", "arXiv", ... */
  readonly venue: string;
}

/** One view's explanation. */
export interface Explanation {
  /** The view's name, as its heading says it (used in the toggle's accessible name). */
  readonly view: string;
  /** What the view shows. */
  readonly what: string;
  /** How to read it. */
  readonly read: string;
  /** What would be surprising, and what it would mean. */
  readonly surprising: string;
  /** The papers it comes from, at least one. */
  readonly source: readonly Paper[];
}

/** The papers the views cite, by short key. */
export const PAPERS = {
  darts: {
    authors: 'Liu, Simonyan & Yang',
    year: 2019,
    title: 'DARTS: Differentiable Architecture Search',
    venue: 'ICLR',
  },
  nb201: {
    authors: 'Dong & Yang',
    year: 2020,
    title: 'NAS-Bench-201: Extending the Scope of Reproducible Neural Architecture Search',
    venue: 'ICLR',
  },
  robustDarts: {
    authors: 'Zela et al.',
    year: 2020,
    title: 'Understanding and Robustifying Differentiable Architecture Search',
    venue: 'ICLR',
  },
  dartsPlus: {
    authors: 'Liang et al.',
    year: 2019,
    title: 'DARTS+: Improved Differentiable Architecture Search with Early Stopping',
    venue: 'arXiv',
  },
  spos: {
    authors: 'Guo et al.',
    year: 2020,
    title: 'Single Path One-Shot Neural Architecture Search with Uniform Sampling',
    venue: 'ECCV',
  },
  evolution: {
    authors: 'Real et al.',
    year: 2019,
    title: 'Regularized Evolution for Image Classifier Architecture Search',
    venue: 'AAAI',
  },
  searchPhase: {
    authors: 'Yu et al.',
    year: 2020,
    title: 'Evaluating the Search Phase of Neural Architecture Search',
    venue: 'ICLR',
  },
  fbnet: {
    authors: 'Wu et al.',
    year: 2019,
    title:
      'FBNet: Hardware-Aware Efficient ConvNet Design via Differentiable Neural Architecture Search',
    venue: 'CVPR',
  },
  proxyless: {
    authors: 'Cai, Zhu & Han',
    year: 2019,
    title: 'ProxylessNAS: Direct Neural Architecture Search on Target Task and Hardware',
    venue: 'ICLR',
  },
  playground: {
    authors: 'Smilkov et al.',
    year: 2017,
    title: 'Direct-Manipulation Visualization of Deep Networks',
    venue: 'arXiv',
  },
  perturbation: {
    authors: 'Wang et al.',
    year: 2021,
    title: 'Rethinking Architecture Selection in Differentiable NAS',
    venue: 'ICLR',
  },
  zeroCost: {
    authors: 'Abdelfattah et al.',
    year: 2021,
    title: 'Zero-Cost Proxies for Lightweight NAS',
    venue: 'ICLR',
  },
  naswot: {
    authors: 'Mellor et al.',
    year: 2021,
    title: 'Neural Architecture Search without Training',
    venue: 'ICML',
  },
} as const satisfies Record<string, Paper>;

/** Every view that carries an explanation, in page order. */
export const EXPLAIN_IDS = [
  'data-scatter',
  'decision-boundary',
  'loss',
  'accuracy',
  'alphas',
  'eigenvalue',
  'skip-count',
  'genotype',
  'alpha-table',
  'selection',
  'pareto',
  'fidelity',
  'latency',
  'space-size',
  'proxy-scores',
  'proxy-trust',
] as const;

/** The id of a view with an explanation. */
export type ExplainId = (typeof EXPLAIN_IDS)[number];

/** The explanations, by view. */
export const EXPLANATIONS: Record<ExplainId, Explanation> = {
  'data-scatter': {
    view: 'Dataset',
    what: 'Every point of the selected 2D dataset, drawn from the same seed, samples and noise the run will use: the colour is the class, the marker the split (filled circles train the weights, rings are the validation split the alpha step learns from, triangles the test split).',
    read: 'Look at how the classes interleave: the two Gaussians and the circles are separated by one simple curve, xor needs two cuts, and the spiral needs a boundary that winds around the centre, so it asks the most of a small cell. More noise blurs the classes into each other.',
    surprising:
      'A split that covers only part of the plane: with few samples the validation or test points can fall where no training point is, and accuracies on them say little.',
    source: [PAPERS.playground],
  },
  'decision-boundary': {
    view: 'Decision boundary',
    what: 'The class each model predicts over a grid covering the data, paler where it is less sure, with the run’s points on top: on the left the supernet (every op of every edge mixed by softmax(α)), on the right the cell the alphas currently derive, run with the supernet’s weights after BatchNorm recalibration. It is recomputed after the first epoch, every few epochs and after the last.',
    read: 'Where the two pictures agree, the derived cell keeps what the supernet learned; the share of points on their own side is printed under each. Early in a search the derived cell changes as the strongest ops change, and its boundary jumps with it.',
    surprising:
      'A supernet that wraps the spiral while the derived cell draws a straight line or one colour: the discretization gap made visible, usually because the alphas are still close together or because skip connections won the edges.',
    source: [PAPERS.darts, PAPERS.playground],
  },
  loss: {
    view: 'Loss',
    what: 'Cross-entropy loss over the training steps. "train" is the loss on each weight step’s training batch; in a DARTS run the supernet computes it with every op of every edge mixed by softmax(α). A DARTS run adds "alpha step", the loss on the validation batch each alpha step learns from, and "validation", the loss on the whole validation split after each epoch (the alpha step and this evaluation use the same split, disjoint from the training split). Single Path One-Shot draws the loss of the one sampled path it trained at each step; a multi-trial search draws one point per trial, that subnet’s training loss.',
    read: 'Lower is better. The training line is noisy because every point is one small batch; the validation markers are averages over the whole split. During a warm-up the alphas do not train, so the alpha-step line starts after it.',
    surprising:
      'Training loss falling while validation loss rises: the weights are fitting the training split only. A loss that stops at the level of guessing (about ln 2 ≈ 0.69 for two classes, ln 10 ≈ 2.3 for digits) means nothing is being learned, often a learning rate too high or too low.',
    source: [PAPERS.darts],
  },
  accuracy: {
    view: 'Accuracy',
    what: 'The share of examples classified correctly, on a fixed 0 to 1 axis: "train" on each step’s training batch, and in a DARTS run "validation", the supernet (all ops mixed by softmax(α)) on the whole validation split after each epoch. Single Path One-Shot draws the accuracy of the path it trained at each step; a multi-trial search draws none here (its subnets’ accuracies are on the Subnets & Pareto tab).',
    read: 'Higher is better; compare the lines with chance, the share of the most frequent class (about 0.5 on the two-class 2D sets, about 0.1 on digits). This is the supernet’s accuracy, not the accuracy of the single cell the search ends with: that one is scored separately in the results.',
    surprising:
      'A supernet near 100% whose derived cell scores far lower in the results: that is the discretization gap, the accuracy lost when the mixed ops are replaced by one op per edge. Training accuracy near 1 while validation stays near chance: the weights have memorised a small training split.',
    source: [PAPERS.darts],
  },
  alphas: {
    view: 'Architecture weights',
    what: 'One small chart per edge of each searched cell, one line per candidate op: softmax(α) of that edge, sampled over the steps. These weights are what the mixed op multiplies each op’s output by, and what the alpha step (gradient descent on the validation loss, Adam) changes. The strongest op on each edge is drawn thicker. By default every chart shares one 0 to 1 axis; untick the box to scale each edge to its own lines.',
    read: 'Every line starts near 1 ÷ (number of ops) (0.2 for 5 ops, 0.125 for the DARTS cells’ 8), since the alphas start at 1e-3 × N(0, 1). A line climbing away from the others is an op the search prefers on that edge. The derived cell takes, on each edge, the strongest op ("none" included in one-op-per-edge cells such as NAS-Bench-201’s); in DARTS-style cells each node keeps its two strongest edges, each with its strongest op other than "none".',
    surprising:
      'Skip connections’ weight climbing on every edge, and staying up: that is the collapse RobustDARTS describes, a search drifting to parameter-free ops that look good in the supernet and generalise badly. Lines still bunched at 1 ÷ (number of ops) at the end: the alphas have not learned, and a cell read off them is close to a random pick. "none" gaining weight means little on its own: shrinking an edge costs the supernet little, which is why DARTS never picks "none" for a DARTS-style cell.',
    source: [PAPERS.darts, PAPERS.robustDarts],
  },
  eigenvalue: {
    view: 'Hessian eigenvalue',
    what: 'After every epoch in which the alphas train: the largest eigenvalue of the Hessian of the validation loss with respect to the alphas, a measure of how sharply curved the loss is around the current α. The studio finds it by Lanczos iteration on Hessian-vector products taken as finite differences of alpha gradients (step 0.02), over a fixed sample of 64 validation examples; RobustDARTS computes the exact Hessian instead.',
    read: 'A flat or slowly moving line is a search in a broad minimum, where replacing the mixed ops by single ops changes the loss little. A steady rise means the minimum is getting sharper. RobustDARTS’s early stop (DARTS-ES) fires when the eigenvalue grew by more than a third over 5 epochs (λ(i−5) ÷ λ(i) below 0.75); the line under the charts says whether and when it would have.',
    surprising:
      'A climbing eigenvalue while validation accuracy still looks fine: that is the warning RobustDARTS found, the supernet settling where discretization will hurt. Jumps or a negative value early on are the estimate’s noise: the loss of a ReLU network has kinks, and the sample is small.',
    source: [PAPERS.robustDarts],
  },
  'skip-count': {
    view: 'Skip connections and parameter-free ops',
    what: 'After every epoch: how many skip connections, and how many parameter-free ops (skip connections, pools, and "none" where the cell keeps one op per edge), the normal cell derived from the current alphas holds.',
    read: 'A healthy search keeps convolutions (or dense layers in the teaching cell) on most kept edges. DARTS+ stops a search once the derived normal cell holds 2 or more skip connections, or once every edge’s op ranking has held for a set number of epochs; the line under the charts says what it did or would have done.',
    surprising:
      'The skip count climbing epoch after epoch while the supernet’s accuracy keeps improving: DARTS collapsing towards skip connections, the failure DARTS+ and RobustDARTS describe. The final cell then holds few learnable ops and scores badly when trained on its own.',
    source: [PAPERS.dartsPlus, PAPERS.robustDarts],
  },
  genotype: {
    view: 'Genotype',
    what: 'The cell the search prefers, drawn as a graph: the cell’s inputs (in DARTS cells c(k-2) and c(k-1), the outputs of the two previous cells), its intermediate nodes, and the output (a concat of the nodes, or the last node). Each kept edge is drawn in its op’s colour with the op’s name. In a DARTS run it is read off the current alphas and redrawn whenever it changes; at the end it is the selected cell. For Single Path One-Shot and multi-trial searches it is the most accurate subnet evaluated so far.',
    read: 'DARTS’s rule: each intermediate node keeps its two incoming edges whose strongest op other than "none" is strongest, and each kept edge takes that op. In one-op-per-edge cells (NAS-Bench-201, the teaching cell) every edge takes its strongest op, "none" included, and a "none" edge is left out of the drawing. Dashed grey lines lead into the output.',
    surprising:
      'A normal cell made mostly of skip connections: the collapse the diagnostics above watch for. A cell that changes at every step late in a search: its alphas are too close together to decide.',
    source: [PAPERS.darts, PAPERS.nb201],
  },
  'alpha-table': {
    view: 'Alpha table',
    what: 'The final architecture weights as numbers: softmax(α) for every edge (rows) and op (columns) of each searched cell, at the end of the search (the last sample if the run stopped early). With perturbation-based selection these are the weights before the selection fine-tuned the supernet.',
    read: 'Each row sums to 1; the highlighted cell is the edge’s largest weight. The genotype takes the largest op other than "none", so a highlighted "none" is passed over in DARTS-style cells. A row whose numbers are all close to 1 ÷ (number of ops) is an edge the search did not decide.',
    surprising:
      'A skip connection holding the largest weight on most rows of the normal cell: collapse. Two ops within a few thousandths on a kept edge: the choice between them is close to a coin toss, and perturbation-based selection may disagree with it.',
    source: [PAPERS.darts],
  },
  selection: {
    view: 'Magnitude and perturbation selection',
    what: 'Two ways of turning the trained supernet into one cell. Magnitude selection keeps the largest α on each edge, as DARTS does. Perturbation-based selection takes the edges in a seeded random order, removes each candidate op in turn, keeps the op whose removal lowers validation accuracy most, and fine-tunes the supernet between decisions; in DARTS-style cells each node then keeps the two incoming edges whose removal hurts most. Each cell is scored with the supernet’s weights after recalibrating BatchNorm (the perturbation cell with the fine-tuned weights); "Train stand-alone" trains each from scratch.',
    read: 'Compare the stand-alone accuracies once both are trained: they say which rule found the better cell for this run. The accuracies with inherited weights are a cheaper, rougher guide. The decisions list the validation accuracy with each candidate removed: the kept op is the one whose removal hurt most.',
    surprising:
      'The magnitude cell full of skip connections while the perturbation cell keeps convolutions: the paper’s finding that the size of α does not say how much the supernet relies on an op. The verdict says "too close to call" when the two are within two standard errors of the validation split.',
    source: [PAPERS.perturbation, PAPERS.darts],
  },
  pareto: {
    view: 'Pareto front',
    what: 'One point per evaluated subnet: validation accuracy against a cost (params, FLOPs as multiply-accumulates per example, or latency measured on this device). Single Path One-Shot subnets are scored with the supernet’s weights after recalibrating BatchNorm; multi-trial subnets after their short training from scratch; a DARTS run adds its derived cell, scored with inherited weights. The step line joins the front: the subnets no other subnet beats on both accuracy and cost.',
    read: 'Up and to the left is better. The front is the menu of best trade-offs: for any cost budget, the most accurate subnet within it is a point of the front, and every other point sits on or under the step line. Under a bound on params, FLOPs or latency, subnets over it were never evaluated.',
    surprising:
      'Large subnets scoring below small ones with inherited weights: the shared weights may rank them unfairly; train a few stand-alone to check (see ranking fidelity). Many points at exactly the same accuracy: the validation subset is small, so accuracies come in coarse steps.',
    source: [PAPERS.spos, PAPERS.evolution],
  },
  fidelity: {
    view: 'Ranking fidelity',
    what: 'For each subnet scored both ways: its accuracy with the supernet’s inherited weights (x) against its accuracy when trained from scratch (y), with the line y = x. Kendall’s τ (tau-b, which handles ties) and Spearman’s ρ measure how well the two orders agree, each with a 90% bootstrap interval over the pairs.',
    read: 'τ and ρ near 1: the supernet orders subnets as stand-alone training would, so a search on the supernet can be trusted. Near 0: no relation. Negative: reversed. The interval shows how much the number could move with other subnets like these; with few pairs it is wide and the numbers are greyed.',
    surprising:
      'τ near zero or below: weight sharing has scrambled the ranking, which Yu et al. found common, so a search on this supernet may be little better than random. Most points below y = x: the stand-alone training was too short for these subnets.',
    source: [PAPERS.searchPhase],
  },
  latency: {
    view: 'Latency on this device',
    what: 'The latency lookup table measured in this browser on the current backend: every op and fixed part of the network (and every node sum and concat) is timed alone at the shape the network gives it, at the batch shown, warm-up runs first, the median of repeats kept. A subnet’s latency is the sum of its entries. After the search a few whole subnets are timed end to end beside the table’s prediction.',
    read: 'A measured / predicted ratio near 1 means the table predicts this device well. The latencies on the Pareto chart and in the bounds are these table sums.',
    surprising:
      'Ratios well below 1 (NAS-Bench-201 networks on wasm in Chromium measured 0.5 to 1.0, 0.69 on average): many small kernels run back to back cost less than each timed alone, so the table overstates whole networks. The same subnet measured on another backend or device can rank differently: latency belongs to the hardware, not to the architecture.',
    source: [PAPERS.fbnet, PAPERS.proxyless],
  },
  'space-size': {
    view: 'Size and cost',
    what: 'Exact figures of the search space as composed: how many distinct architectures it holds (the normal cell’s count times the reduction cell’s when that is searched separately), the supernet’s params (every candidate op on every edge, BatchNorm without affine, as the search trains it) and FLOPs (multiply-accumulates per example), and the smallest and largest subnet by params and by FLOPs (one op per kept edge, built stand-alone).',
    read: 'One op per edge gives (ops per edge)^(edges): NAS-Bench-201’s 5 ops on 6 edges give 5^6 = 15,625. In DARTS cells each node also chooses 2 of its incoming edges and "none" is not an option: about 1.04 × 10^9 per cell, about 1.08 × 10^18 for a normal and a reduction cell together.',
    surprising:
      'Adding one op to every edge multiplies the count rather than adding to it. The supernet is far larger than even the largest subnet, because it holds every candidate op at once: that is why a search trains a small network and the final one is built afterwards.',
    source: [PAPERS.nb201, PAPERS.darts],
  },
  'proxy-scores': {
    view: 'Proxy score against cost',
    what: 'Every architecture the zero-cost run scored: its score from the chosen proxy, taken at initialisation on one mini-batch of 64 training examples without any training (y), against its params, FLOPs or latency (x). The ones trained stand-alone are the larger circles. Architectures whose proxy is undefined (NaN, or a singular NASWOT kernel) are left out and counted under the chart.',
    read: 'A proxy bets that a higher score means a better network after training. Architectures high and to the left are the ones it prefers for their cost; the top k by score are trained stand-alone so the table below can check the bet.',
    surprising:
      'Scores that rise almost exactly with params: the proxy may be measuring size more than quality (synflow and snip grow with the number of weights), so params alone would rank as well; the table shows whether it does. A score spread over many decades is drawn on a log scale.',
    source: [PAPERS.zeroCost, PAPERS.naswot],
  },
  'proxy-trust': {
    view: 'Which proxy to believe',
    what: 'For every architecture of this run trained stand-alone (the top k, and any you train with the button), each proxy’s score and each cost baseline (params, FLOPs) against its stand-alone validation accuracy: Kendall’s τ (tau-b) and Spearman’s ρ over those architectures, each with a 90% bootstrap interval, and a scatter per proxy.',
    read: 'τ near 1: the proxy orders these architectures as training did. Near 0: no better than chance. A proxy that does no better than params is not worth its cost. With fewer than 5 trained architectures no τ is shown: such a number means little. Train more (raise top-k, or use the button in the table) to narrow the intervals.',
    surprising:
      'A proxy that ranked best in the papers (synflow on NAS-Bench-201) doing poorly here: how well a proxy predicts depends on the space and the data, which is why the studio measures it on your run. The top k are the proxy’s favourites, so they cover a narrow band of scores; a τ over them tends to be lower than over the whole space.',
    source: [PAPERS.zeroCost, PAPERS.naswot],
  },
};

/** A paper as one line: "Liu, Simonyan & Yang (2019), “DARTS: Differentiable Architecture Search”, ICLR". */
export function citation(p: Paper): string {
  return `${p.authors} (${p.year}), “${p.title}”, ${p.venue}`;
}

/** Pure reshaping of flattened softmax-alpha snapshots into per-edge, per-op trajectories. */

/** One edge of a searched cell, as the engine labels it. */
export interface AlphaEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly ops: readonly string[];
}

/** Softmax weights of one cell at one step, flattened row-major `[edge][op]`. */
export interface AlphaSample {
  readonly step: number;
  readonly weights: Float32Array;
}

/** The trajectories of one searched cell. */
export interface AlphaCell {
  /** Heading, e.g. 'normal cell'. */
  readonly title: string;
  readonly edges: readonly AlphaEdge[];
  /** Node id to display label (e.g. DARTS numbers); ids are shown when missing. */
  readonly nodeLabels?: ReadonlyMap<string, string>;
  readonly samples: readonly AlphaSample[];
}

/** Offset of each edge's first weight in a flattened snapshot. */
export function edgeOffsets(edges: readonly AlphaEdge[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const e of edges) {
    offsets.push(at);
    at += e.ops.length;
  }
  return offsets;
}

/** For edge `edgeIndex`: one `[step, weight]` line per op, over all samples long enough to hold it. */
export function edgeTrajectories(cell: AlphaCell, edgeIndex: number): [number, number][][] {
  const edge = cell.edges[edgeIndex];
  if (!edge) return [];
  const offset = edgeOffsets(cell.edges)[edgeIndex] ?? 0;
  return edge.ops.map((_, op) =>
    cell.samples
      .filter((s) => s.weights.length >= offset + edge.ops.length)
      .map((s): [number, number] => [s.step, s.weights[offset + op] ?? Number.NaN]),
  );
}

/** Every op named in any cell, in first-seen order (the legend). */
export function legendOps(cells: readonly AlphaCell[]): string[] {
  return [...new Set(cells.flatMap((c) => c.edges.flatMap((e) => e.ops)))];
}

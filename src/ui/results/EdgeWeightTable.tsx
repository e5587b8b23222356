/** PC-DARTS's edge weights as a table: per edge, its beta softmaxed over its node's incoming edges, and the score the derived cell ranks edges by. */
import { edgeOffsets, type AlphaEdge } from '../../charts/alpha-data';

/** Props: one cell's edges, its flattened softmax(α) weights, its edge weights and node labels. */
export interface EdgeWeightTableProps {
  readonly title: string;
  readonly edges: readonly AlphaEdge[];
  readonly weights: Float32Array;
  readonly edgeWeights: Float32Array;
  readonly nodeLabels: ReadonlyMap<string, string>;
}

/** The table for one cell: edge weight, and edge weight × strongest non-`none` op weight (PC-DARTS's ranking). */
export function EdgeWeightTable({
  title,
  edges,
  weights,
  edgeWeights,
  nodeLabels,
}: EdgeWeightTableProps) {
  const offsets = edgeOffsets(edges);
  return (
    <table className="alpha-table" data-testid="edge-weight-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">edge</th>
          <th scope="col">edge weight</th>
          <th scope="col">× strongest op</th>
        </tr>
      </thead>
      <tbody>
        {edges.map((edge, i) => {
          const beta = edgeWeights[i] ?? Number.NaN;
          const strongest = Math.max(
            0,
            ...edge.ops.flatMap((op, k) =>
              op === 'none' ? [] : [weights[(offsets[i] ?? 0) + k] ?? 0],
            ),
          );
          return (
            <tr key={edge.id}>
              <th scope="row">
                {nodeLabels.get(edge.from) ?? edge.from} → {nodeLabels.get(edge.to) ?? edge.to}
              </th>
              <td className="num">{beta.toFixed(4)}</td>
              <td className="num">{(beta * strongest).toFixed(4)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

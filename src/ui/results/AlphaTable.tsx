/** Softmax architecture weights as a table (edges × ops), the argmax of each edge highlighted. */
import { edgeOffsets, type AlphaEdge } from '../../charts/alpha-data';
import { opLabel } from '../../charts/op-label';
import { opColor } from '../../charts/op-colors';

/** Props: one cell's edges, its flattened weights, and display labels for node ids. */
export interface AlphaTableProps {
  readonly title: string;
  readonly edges: readonly AlphaEdge[];
  readonly weights: Float32Array;
  readonly nodeLabels: ReadonlyMap<string, string>;
}

/** The table for one cell; ops are the union of the edges' ops (a blank where an edge lacks one). */
export function AlphaTable({ title, edges, weights, nodeLabels }: AlphaTableProps) {
  const ops = [...new Set(edges.flatMap((e) => e.ops))];
  const offsets = edgeOffsets(edges);
  return (
    <table className="alpha-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">edge</th>
          {ops.map((op) => (
            <th key={op} scope="col">
              <span className="swatch" title={opLabel(op)} style={{ background: opColor(op) }} />{' '}
              {opLabel(op)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {edges.map((edge, i) => {
          const row = edge.ops.map((_, k) => weights[(offsets[i] ?? 0) + k] ?? Number.NaN);
          const best = row.indexOf(Math.max(...row));
          return (
            <tr key={edge.id}>
              <th scope="row">
                {nodeLabels.get(edge.from) ?? edge.from} → {nodeLabels.get(edge.to) ?? edge.to}
              </th>
              {ops.map((op) => {
                const k = edge.ops.indexOf(op);
                const w = row[k];
                return (
                  <td key={op} className={k === best ? 'num argmax' : 'num'}>
                    {k < 0 || w === undefined ? '' : w.toFixed(4)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

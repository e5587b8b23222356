/** Draws a derived cell as a DAG: inputs, intermediate nodes, output; kept edges labelled and coloured by op, the op's name on hover. */
import { select } from 'd3';
import type { CellGenotype, CellSpec } from '../core/search-space/types';
import { layoutCell, NODE_R as R, type PlacedEdge, type PlacedNode } from './cell-layout';
import { opColor } from './op-colors';
import { opLabel } from './op-label';
import type { ChartView } from './view';

/** What the diagram draws: the searched cell and its current genotype. */
export interface CellDiagramData {
  readonly cell: CellSpec;
  readonly genotype: CellGenotype;
}

/** The colour of links into the cell's output (no op: drawn dashed); a theme token. */
const OUTPUT_LINK_COLOR = 'var(--color-border-strong)';

/** Label text colour: the theme's text colour on a halo of the surface (some op colours, yellow above all, are too light for text on white). */
const LABEL_COLOR = 'var(--color-text)';

let instances = 0;

function caption(cell: CellSpec, node: PlacedNode): string {
  if (node.kind === 'output') return cell.output === 'concat' ? 'concat' : 'output';
  if (node.kind !== 'input') return '';
  if (cell.inputs.length === 1) return 'input';
  const back = cell.inputs.length - cell.inputs.indexOf(node.id);
  return `c(k-${back})`;
}

/** Shortens an edge so it ends on the target circle's rim (where the arrowhead sits). */
function curve(e: PlacedEdge): string {
  const dx = e.x2 - e.cx;
  const dy = e.y2 - e.cy;
  const len = Math.hypot(dx, dy) || 1;
  return `M${e.x1},${e.y1} Q${e.cx},${e.cy} ${e.x2 - (dx / len) * R},${e.y2 - (dy / len) * R}`;
}

/** Creates the diagram in `el`; `update` redraws it for a new genotype. */
export function createCellDiagram(el: HTMLElement): ChartView<CellDiagramData> {
  const id = `cell-diagram-${(instances += 1)}`;
  const svg = select(el).append('svg').attr('class', 'cell-diagram');
  return {
    update: ({ cell, genotype }) => {
      svg.selectAll('*').remove();
      const layout = layoutCell(cell, genotype);
      svg
        .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
        .attr('width', layout.width)
        .attr('height', layout.height);
      const colors = [
        ...new Set(layout.edges.map((e) => (e.op === null ? OUTPUT_LINK_COLOR : opColor(e.op)))),
      ];
      const defs = svg.append('defs');
      colors.forEach((c, i) => {
        defs
          .append('marker')
          .attr('id', `${id}-m${i}`)
          .attr('viewBox', '0 0 10 10')
          .attr('refX', 9)
          .attr('refY', 5)
          .attr('markerWidth', 7)
          .attr('markerHeight', 7)
          .attr('orient', 'auto-start-reverse')
          .append('path')
          .attr('d', 'M0,0 L10,5 L0,10 z')
          .attr('fill', c);
      });
      const edges = svg.append('g').attr('class', 'cell-edges');
      for (const e of layout.edges) {
        const color = e.op === null ? OUTPUT_LINK_COLOR : opColor(e.op);
        const path = edges
          .append('path')
          .attr('d', curve(e))
          .attr('fill', 'none')
          .attr('stroke', color)
          .attr('stroke-width', e.op === null ? 1.2 : 2)
          .attr('stroke-dasharray', e.op === null ? '4 3' : null)
          .attr('marker-end', `url(#${id}-m${colors.indexOf(color)})`)
          .attr('data-op', e.op ?? 'output');
        path.append('title').text(e.op === null ? 'into the cell output' : opLabel(e.op));
      }
      const labels = svg.append('g').attr('class', 'cell-edge-labels');
      for (const e of layout.edges) {
        if (e.op === null) continue;
        labels
          .append('text')
          .attr('x', e.lx)
          .attr('y', e.ly + 4)
          .attr('text-anchor', 'middle')
          .attr('class', 'edge-label')
          .attr('fill', LABEL_COLOR)
          .text(opLabel(e.op));
      }
      const nodes = svg.append('g').attr('class', 'cell-nodes');
      for (const n of layout.nodes) {
        const g = nodes
          .append('g')
          .attr('class', `cell-node cell-node-${n.kind}`)
          .attr('transform', `translate(${n.x},${n.y})`);
        g.append('circle').attr('r', R);
        g.append('text')
          .attr('class', 'node-label')
          .attr('y', 4)
          .attr('text-anchor', 'middle')
          .text(n.label);
        const text = caption(cell, n);
        if (text)
          g.append('text')
            .attr('class', 'node-caption')
            .attr('y', R + 14)
            .attr('text-anchor', 'middle')
            .text(text);
      }
      svg
        .attr('data-edges', layout.edges.filter((e) => e.op !== null).length)
        .attr('data-cut', layout.cutEdges);
    },
    destroy: () => {
      svg.remove();
    },
  };
}

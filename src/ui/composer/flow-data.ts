/** Pure conversion of a cell, its node positions and its problems into the canvas's flow nodes and edges. */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { outputNodes } from '../../core/search-space/cell';
import { OPS } from '../../core/search-space/ops';
import type { CellSpec } from '../../core/search-space/types';
import { NODE_SIZE, type NodePositions } from '../../store/composer-layout';
import type { CellProblems } from '../../store/composer-problems';
import { labelSize, placeEdgeLabels, type Box, type LabelledEdge } from './edge-labels';

/** What a cell node shows. */
export type CellNodeData = {
  /** 'input': fed by an earlier cell; 'node': an intermediate node that sums its incoming edges. */
  readonly kind: 'input' | 'node';
  /** True when the node forms (part of) the cell's output. */
  readonly output: boolean;
  readonly subtitle: string;
  /** Why the node cannot run as it is (empty when it can). */
  readonly problems: readonly string[];
};

/** A flow node of the composer canvas. */
export type CellFlowNode = Node<CellNodeData, 'cell'>;

/** What a composer edge carries: its problems, its label (short and full), where the label sits and what a click on it does. */
export type CellEdgeData = {
  readonly problems: readonly string[];
  /** The label text ("e3: 8 ops"). */
  readonly text: string;
  /** The edge and every candidate op, for hover and screen readers. */
  readonly full: string;
  /** Where along the edge the label sits (0 at the source, 1 at the target); 0.5 when not placed yet. */
  readonly labelT?: number;
  /** Opens the edge's op picker. */
  readonly onSelect?: (edge: string) => void;
};

/** A flow edge of the composer canvas (its id is the cell edge's id). */
export type CellFlowEdge = Edge<CellEdgeData, 'cell'>;

/** A one-line summary of an edge's candidate ops: the op itself when alone, else the count. */
export function opsSummary(ops: readonly string[]): string {
  if (ops.length === 1) {
    const op = ops[0] ?? '';
    return op in OPS ? OPS[op as keyof typeof OPS].label : op;
  }
  return `${ops.length} ops`;
}

function inputSubtitle(cell: CellSpec, index: number): string {
  if (cell.inputs.length === 1) return 'input: previous cell';
  return index === cell.inputs.length - 1 ? 'input: previous cell' : 'input: cell before that';
}

/** Flow nodes for `cell`: inputs first, then intermediate nodes, at `positions` (origin when missing). */
export function flowNodes(
  cell: CellSpec,
  positions: NodePositions,
  problems: CellProblems,
): CellFlowNode[] {
  const outputs = new Set(outputNodes(cell));
  const concat = cell.output === 'concat';
  const inputs = cell.inputs.map((id, i): CellFlowNode => ({
    id,
    type: 'cell',
    position: positions[id] ?? { x: 0, y: 0 },
    deletable: false,
    data: { kind: 'input', output: false, subtitle: inputSubtitle(cell, i), problems: [] },
  }));
  const nodes = cell.nodes.map((id): CellFlowNode => {
    const incoming = cell.edges.filter((e) => e.to === id).length;
    const output = outputs.has(id);
    const sums = `sums ${incoming} edge${incoming === 1 ? '' : 's'}`;
    const role = output ? (concat ? ' · concatenated' : ' · cell output') : '';
    return {
      id,
      type: 'cell',
      position: positions[id] ?? { x: 0, y: 0 },
      data: {
        kind: 'node',
        output,
        subtitle: `${sums}${role}`,
        problems: (problems.nodes.get(id) ?? []).map((p) => p.message),
      },
    };
  });
  return [...inputs, ...nodes];
}

/** Flow edges for `cell`, labelled with their ops; `selected` marks the edge whose op picker is open. */
export function flowEdges(
  cell: CellSpec,
  problems: CellProblems,
  selected: string | null,
): CellFlowEdge[] {
  return cell.edges.map((e) => {
    const messages = (problems.edges.get(e.id) ?? []).map((p) => p.message);
    const full = `Edge ${e.id} from ${e.from} to ${e.to}: ${e.ops.join(', ')}`;
    return {
      id: e.id,
      type: 'cell',
      source: e.from,
      target: e.to,
      label: `${e.id}: ${opsSummary(e.ops)}`,
      selected: e.id === selected,
      className: messages.length > 0 ? 'cell-edge cell-edge-invalid' : 'cell-edge',
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      data: { problems: messages, text: `${e.id}: ${opsSummary(e.ops)}`, full },
      ariaLabel: full,
    };
  });
}

/** Keeps what the canvas measured and selected on each node of `prev` when the cell's nodes are rebuilt. */
export function mergeFlowNodes(
  prev: readonly CellFlowNode[],
  next: readonly CellFlowNode[],
): CellFlowNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  return next.map((n) => {
    const before = old.get(n.id);
    if (!before) return n;
    return {
      ...n,
      measured: before.measured,
      selected: before.selected,
      dragging: before.dragging,
    };
  });
}

/** Width of a node's connection handle, which sticks out half its width past the node's side. */
const HANDLE = 12;

/** A node's box on the canvas: its position and measured size (the layout size before it is measured). */
function nodeBox(n: CellFlowNode): Box {
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? NODE_SIZE.width,
    height: n.measured?.height ?? NODE_SIZE.height,
  };
}

/**
 * `edges` with each label's place along its edge (`labelT`) chosen so that no label covers a node
 * or another label, as far as the nodes' positions allow.
 */
export function placeLabels(
  edges: readonly CellFlowEdge[],
  nodes: readonly CellFlowNode[],
): CellFlowEdge[] {
  const boxes = new Map(nodes.map((n) => [n.id, nodeBox(n)]));
  const labelled: LabelledEdge[] = [];
  for (const e of edges) {
    const from = boxes.get(e.source);
    const to = boxes.get(e.target);
    if (!from || !to) continue;
    labelled.push({
      id: e.id,
      source: { x: from.x + from.width + HANDLE / 2, y: from.y + from.height / 2 },
      target: { x: to.x - HANDLE / 2, y: to.y + to.height / 2 },
      ...labelSize(e.data?.text ?? e.id),
    });
  }
  const places = placeEdgeLabels(labelled, [...boxes.values()]);
  return edges.map((e) =>
    e.data ? { ...e, data: { ...e.data, labelT: places.get(e.id) ?? 0.5 } } : e,
  );
}

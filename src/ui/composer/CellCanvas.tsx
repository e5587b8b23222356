/** The xyflow canvas of one cell: drag to connect, click an edge for its ops, Delete to remove, drag to place. */
import {
  Background,
  ConnectionMode,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type NodeChange,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CellChange } from '../../core/search-space/edits';
import type { OpName } from '../../core/search-space/ops';
import type { CellRole, CellSpec } from '../../core/search-space/types';
import { NODE_SIZE, type NodePositions } from '../../store/composer-layout';
import type { CellProblems } from '../../store/composer-problems';
import { studioStore } from '../studio';
import { CellEdge } from './CellEdge';
import { CellNode } from './CellNode';
import {
  flowEdges,
  flowNodes,
  mergeFlowNodes,
  placeLabels,
  type CellFlowEdge,
  type CellFlowNode,
} from './flow-data';
import { OpPicker } from './OpPicker';

const NODE_TYPES: NodeTypes = { cell: CellNode };
const EDGE_TYPES: EdgeTypes = { cell: CellEdge };
/** The first view of a cell: the whole cell, but never so small that its labels cannot be read (pan for the rest). */
const FIT = { padding: 0.1, minZoom: 0.7, maxZoom: 1.1 } as const;

/** Props: the cell shown, where its nodes sit, its problems, and the ops its space may use. */
export interface CellCanvasProps {
  readonly role: CellRole;
  readonly cell: CellSpec;
  readonly positions: NodePositions;
  readonly problems: CellProblems;
  readonly available: readonly OpName[];
  readonly message: string | null;
}

/** The canvas calls fitCell needs. */
type FlowView = Pick<
  ReturnType<typeof useReactFlow<CellFlowNode, CellFlowEdge>>,
  'fitView' | 'getZoom' | 'getNodes' | 'getNodesBounds' | 'getViewport' | 'setViewport'
>;

/** Room kept between the cell and the canvas's left and right sides when the cell does not fit, in pixels. */
const SIDE_ROOM = 24;

/**
 * Brings the cell into view: all of it when it fits at a readable zoom; otherwise at the smallest
 * readable zoom with its inputs at the left edge, or, given `focus` (a node just added), with that
 * node in view at the right. Pan or zoom out for the rest.
 */
async function fitCell(flow: FlowView, canvasWidth: number, focus?: string): Promise<void> {
  await flow.fitView(FIT);
  const zoom = flow.getZoom();
  if (zoom > FIT.minZoom + 1e-6) return;
  const bounds = flow.getNodesBounds(flow.getNodes());
  let x = SIDE_ROOM - bounds.x * zoom;
  const node = focus === undefined ? undefined : flow.getNodes().find((n) => n.id === focus);
  if (node) {
    const right = (node.position.x + (node.measured?.width ?? NODE_SIZE.width)) * zoom + x;
    if (right > canvasWidth - SIDE_ROOM) x -= right - (canvasWidth - SIDE_ROOM);
  }
  await flow.setViewport({ x, y: flow.getViewport().y, zoom });
}

/** Applies a change to the cell shown (with tied cells the core applies a normal-cell change to both). */
function cellChange(role: CellRole, change: CellChange): boolean {
  return studioStore.getState().changeSpace({ kind: 'cell', role, change });
}

/** Removes the given nodes (with their edges) and the given edges not already gone with them. */
function removeSelection(
  role: CellRole,
  nodes: readonly string[],
  edges: readonly CellFlowEdge[],
): void {
  const gone = new Set(nodes);
  for (const node of nodes) cellChange(role, { kind: 'remove-node', node });
  for (const e of edges) {
    if (!gone.has(e.source) && !gone.has(e.target))
      cellChange(role, { kind: 'disconnect', edge: e.id });
  }
}

function Canvas({ role, cell, positions, problems, available, message }: CellCanvasProps) {
  const flow = useReactFlow<CellFlowNode, CellFlowEdge>();
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const built = useMemo(() => flowNodes(cell, positions, problems), [cell, positions, problems]);
  const [nodes, setNodes] = useState<CellFlowNode[]>(built);
  const [shown, setShown] = useState(built);
  if (shown !== built) {
    setShown(built);
    setNodes((prev) => mergeFlowNodes(prev, built));
  }
  const edgeId =
    selectedEdge !== null && cell.edges.some((e) => e.id === selectedEdge) ? selectedEdge : null;
  const selectEdge = (id: string): void => {
    setSelectedEdge(id);
    setNodes((ns) => ns.map((n) => (n.selected ? { ...n, selected: false } : n)));
  };
  const edges = useMemo(
    () =>
      placeLabels(flowEdges(cell, problems, edgeId), nodes).map((e) =>
        e.data ? { ...e, data: { ...e.data, onSelect: selectEdge } } : e,
      ),
    [cell, problems, edgeId, nodes],
  );
  const edge = cell.edges.find((e) => e.id === edgeId);
  const selectedNodes = nodes.filter((n) => n.selected && n.data.kind === 'node').map((n) => n.id);
  const store = studioStore.getState();
  // Bring the cell into view when nodes come or go, with a node just added in sight.
  const nodeCount = cell.inputs.length + cell.nodes.length;
  const newest = cell.nodes[cell.nodes.length - 1];
  const canvasRef = useRef<HTMLDivElement>(null);
  const seen = useRef(nodeCount);
  useEffect(() => {
    const added = nodeCount > seen.current ? newest : undefined;
    seen.current = nodeCount;
    const width = canvasRef.current?.clientWidth ?? 0;
    const timer = window.setTimeout(() => void fitCell(flow, width, added), 30);
    return () => window.clearTimeout(timer);
  }, [nodeCount, newest, flow]);

  const onConnect = (c: Connection): void => {
    const ops = studioStore.getState().defaultOps;
    cellChange(role, { kind: 'connect', from: c.source, to: c.target, ops });
  };
  const deleteSelected = (): void => {
    removeSelection(role, selectedNodes, edgeId ? edges.filter((e) => e.id === edgeId) : []);
    setSelectedEdge(null);
  };

  return (
    <div className="composer-canvas" data-testid="composer-canvas" ref={canvasRef}>
      <ReactFlow<CellFlowNode, CellFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={(changes: NodeChange<CellFlowNode>[]) =>
          setNodes((n) => applyNodeChanges(changes, n))
        }
        onNodeDragStop={(_e, _node, dragged) => {
          for (const n of dragged) studioStore.getState().moveNode(role, n.id, n.position);
        }}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Strict}
        onEdgesChange={(changes) => {
          // An edge selected from the keyboard (focus it, press Enter) opens its op picker as a click does.
          for (const c of changes) if (c.type === 'select' && c.selected) setSelectedEdge(c.id);
        }}
        onEdgeClick={(_e, clicked) => selectEdge(clicked.id)}
        onNodeClick={() => setSelectedEdge(null)}
        onPaneClick={() => setSelectedEdge(null)}
        deleteKeyCode={['Delete', 'Backspace']}
        onBeforeDelete={({ nodes: doomed, edges: cut }) => {
          removeSelection(
            role,
            doomed.filter((n) => n.data.kind === 'node').map((n) => n.id),
            cut,
          );
          setSelectedEdge(null);
          return Promise.resolve(false);
        }}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.1 }} />
        <Panel position="top-left" className="canvas-tools">
          <button
            type="button"
            data-testid="add-node-button"
            onClick={() => cellChange(role, { kind: 'add-node' })}
          >
            Add node
          </button>
          <button
            type="button"
            data-testid="delete-button"
            disabled={selectedNodes.length === 0 && edgeId === null}
            title="Remove the selected node (with its edges) or edge. Shortcut: Delete."
            onClick={deleteSelected}
          >
            Delete
          </button>
          <button
            type="button"
            data-testid="auto-layout-button"
            title="Lay the cell out left to right again (dagre); dragged positions are replaced."
            onClick={() => {
              store.autoLayout();
              const width = canvasRef.current?.clientWidth ?? 0;
              window.setTimeout(() => void fitCell(flow, width), 0);
            }}
          >
            Auto layout
          </button>
        </Panel>
        {message ? (
          <Panel
            position="bottom-center"
            className="composer-message"
            data-testid="composer-message"
            role="alert"
          >
            <span>{message}</span>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={store.dismissComposerMessage}
            >
              ×
            </button>
          </Panel>
        ) : null}
        {edge ? (
          <Panel position="top-right">
            <OpPicker
              edge={edge}
              available={available}
              problems={(problems.edges.get(edge.id) ?? []).map((p) => p.message)}
              onSetOps={(ops) => cellChange(role, { kind: 'set-ops', edge: edge.id, ops })}
              onRemove={() => {
                cellChange(role, { kind: 'disconnect', edge: edge.id });
                setSelectedEdge(null);
              }}
              onClose={() => setSelectedEdge(null)}
            />
          </Panel>
        ) : null}
      </ReactFlow>
    </div>
  );
}

/** The canvas with its own xyflow store (remount it with a new key to fit a new cell into view). */
export function CellCanvas(props: CellCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

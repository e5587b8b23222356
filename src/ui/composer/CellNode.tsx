/** One node of the composer canvas: its id, what it does, its handles, and why it cannot run (if so). */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CellFlowNode } from './flow-data';

/** The custom flow node of a cell: input nodes only send, intermediate nodes receive and send. */
export function CellNode({ id, data, selected }: NodeProps<CellFlowNode>) {
  const invalid = data.problems.length > 0;
  const classes = [
    'cell-flow-node',
    data.kind === 'input' ? 'cell-flow-input' : 'cell-flow-inner',
    data.output ? 'cell-flow-output' : '',
    invalid ? 'cell-flow-invalid' : '',
    selected ? 'cell-flow-selected' : '',
  ].filter(Boolean);
  return (
    <div
      className={classes.join(' ')}
      data-testid={`node-${id}`}
      title={invalid ? data.problems.join(' ') : undefined}
    >
      {data.kind === 'node' ? (
        <Handle
          type="target"
          position={Position.Left}
          data-testid={`handle-target-${id}`}
          title={`Drop a connection here to make an edge into ${id}`}
        />
      ) : null}
      <div className="cell-flow-title">{id}</div>
      <div className="cell-flow-sub">{data.subtitle}</div>
      <Handle
        type="source"
        position={Position.Right}
        data-testid={`handle-source-${id}`}
        title={`Drag from here to draw an edge out of ${id}`}
      />
      {invalid ? (
        <div className="cell-flow-problem" data-testid={`node-problem-${id}`} role="note">
          {data.problems.join(' ')}
        </div>
      ) : null}
    </div>
  );
}

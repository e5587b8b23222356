/** One edge of the composer canvas: the curve, and its label as a button placed where it covers nothing else. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { labelSize, pointOnEdge, shortLabel } from './edge-labels';
import type { CellFlowEdge } from './flow-data';

/** The custom flow edge of a cell; its label opens the edge's op picker. */
export function CellEdge(props: EdgeProps<CellFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const text = data?.text ?? id;
  const at = pointOnEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data?.labelT ?? 0.5);
  const size = labelSize(text);
  const invalid = (data?.problems.length ?? 0) > 0;
  const classes = ['cell-edge-label', 'nodrag', 'nopan'];
  if (props.selected) classes.push('cell-edge-label-selected');
  if (invalid) classes.push('cell-edge-label-invalid');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={props.markerEnd} style={props.style} />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={classes.join(' ')}
          data-testid={`edge-label-${id}`}
          title={data?.full ?? text}
          aria-label={`Choose the ops of ${data?.full ?? text}`}
          style={{
            width: size.width,
            height: size.height,
            transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)`,
          }}
          onClick={() => data?.onSelect?.(id)}
        >
          {shortLabel(text)}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

/** The candidate ops of one edge: a checkbox per op of the space's domain, each with what it does. */
import { OPS, type OpName } from '../../core/search-space/ops';
import type { EdgeSpec } from '../../core/search-space/types';
import { toggleOp } from '../../store/composer-logic';

/** Props: the edge, the ops its space may use, and callbacks to change its ops, remove it, or close. */
export interface OpPickerProps {
  readonly edge: EdgeSpec;
  readonly available: readonly OpName[];
  readonly problems: readonly string[];
  readonly onSetOps: (ops: OpName[]) => void;
  readonly onRemove: () => void;
  readonly onClose: () => void;
}

/** The op picker shown beside the canvas while an edge is selected. */
export function OpPicker({
  edge,
  available,
  problems,
  onSetOps,
  onRemove,
  onClose,
}: OpPickerProps) {
  return (
    <div
      className="op-picker"
      data-testid="op-picker"
      role="dialog"
      aria-label={`Ops of edge ${edge.id}`}
    >
      <div className="op-picker-head">
        <strong>
          Edge {edge.id}: {edge.from} → {edge.to}
        </strong>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the op picker"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p className="hint">The mixed op on this edge searches over the ops ticked here.</p>
      <ul className="op-list">
        {available.map((op) => (
          <li key={op} title={OPS[op].description}>
            <label>
              <input
                type="checkbox"
                data-testid={`op-toggle-${op}`}
                checked={edge.ops.includes(op)}
                onChange={() => onSetOps(toggleOp(edge.ops, op))}
              />
              <span className="op-name">{OPS[op].label}</span>
              <span className="op-description">{OPS[op].description}</span>
            </label>
          </li>
        ))}
      </ul>
      {problems.length > 0 ? (
        <p className="field-error" role="alert">
          {problems.join(' ')}
        </p>
      ) : null}
      <button type="button" className="danger-button" onClick={onRemove}>
        Remove edge {edge.id}
      </button>
    </div>
  );
}

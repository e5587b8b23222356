/** Draws an edge without the mouse: pick the node it leaves and the node it enters, then Connect (the canvas's drag, by keyboard). */
import { useState } from 'react';
import type { CellRole, CellSpec } from '../../core/search-space/types';
import { studioStore } from '../studio';

/** Props: the cell shown and its role. */
export interface ConnectEdgeFormProps {
  readonly role: CellRole;
  readonly cell: CellSpec;
}

/** Two selects (from any input or node, to any node) and a Connect button; a refused edge is explained on the canvas. */
export function ConnectEdgeForm({ role, cell }: ConnectEdgeFormProps) {
  const sources = [...cell.inputs, ...cell.nodes];
  const [picked, setPicked] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const from = sources.includes(picked.from) ? picked.from : (sources[0] ?? '');
  const targets = cell.nodes.filter((n) => n !== from);
  const to = targets.includes(picked.to) ? picked.to : (targets[targets.length - 1] ?? '');
  const connect = (): void => {
    const state = studioStore.getState();
    state.changeSpace({
      kind: 'cell',
      role,
      change: { kind: 'connect', from, to, ops: state.defaultOps },
    });
  };
  return (
    <section className="composer-box connect-edge" aria-label="Connect two nodes">
      <h4>Connect two nodes</h4>
      <div className="connect-edge-row">
        <label>
          from{' '}
          <select
            data-testid="connect-from"
            value={from}
            onChange={(e) => setPicked({ from: e.target.value, to })}
          >
            {sources.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          to{' '}
          <select
            data-testid="connect-to"
            value={to}
            onChange={(e) => setPicked({ from, to: e.target.value })}
          >
            {targets.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="connect-button"
          disabled={from === '' || to === ''}
          onClick={connect}
        >
          Connect
        </button>
      </div>
      <p className="hint">The same as dragging from one node&apos;s handle to another&apos;s.</p>
    </section>
  );
}

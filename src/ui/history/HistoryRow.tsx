/** One saved run in the history table: choose for comparison, open read-only, rename in place, delete after a confirmation. */
import { useState } from 'react';
import type { SavedRunSummary } from '../../storage/types';
import { studioStore } from '../studio';
import { DeleteControl } from './DeleteControl';
import { percent, summaryLine } from './history-format';

/** Props: the run, whether it is the live run, whether it is chosen for comparison. */
export interface HistoryRowProps {
  readonly row: SavedRunSummary;
  readonly live: boolean;
  readonly chosen: boolean;
  readonly onToggle: () => void;
  readonly onOpened: () => void;
  /** The settings in which this run differs from other runs of its strategy and dataset ("order 2"). */
  readonly differs: readonly string[];
}

const STATUS_TEXT: Record<SavedRunSummary['status'], string> = {
  idle: 'not started',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  stopped: 'stopped',
  failed: 'failed',
};

/** The table row. */
export function HistoryRow({ row, live, chosen, onToggle, onOpened, differs }: HistoryRowProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const store = studioStore.getState;
  const save = async (): Promise<void> => {
    if (editing === null) return;
    if (await store().renameSavedRun(row.id, editing)) setEditing(null);
  };
  const open = async (): Promise<void> => {
    await store().openSavedRun(row.id);
    if (store().history.replay?.id === row.id) onOpened();
  };
  return (
    <tr data-testid="history-row" data-run-id={row.id}>
      <td>
        <input
          type="checkbox"
          checked={chosen}
          onChange={onToggle}
          aria-label={`Choose ${row.name} for comparison`}
        />
      </td>
      <td>
        {editing === null ? (
          <span data-testid="history-name">{row.name}</span>
        ) : (
          <form
            className="history-rename"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              data-testid="history-rename-input"
              aria-label="New name"
              value={editing}
              maxLength={200}
              onChange={(e) => setEditing(e.target.value)}
              autoFocus
            />
            <button type="submit">Save</button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </form>
        )}
        {live ? <span className="live-badge">this session</span> : null}
      </td>
      <td>{new Date(row.createdAt).toLocaleString()}</td>
      <td className="muted">
        {summaryLine(row)}
        {differs.length > 0 ? (
          <div className="history-differs" data-testid="history-differs">
            differs in: {differs.join(', ')}
          </div>
        ) : null}
      </td>
      <td>{STATUS_TEXT[row.status]}</td>
      <td data-testid="history-best">{percent(row.bestAcc)}</td>
      <td className="history-actions">
        <button type="button" data-testid="history-open" onClick={() => void open()}>
          Open
        </button>
        <button
          type="button"
          data-testid="history-rename"
          disabled={editing !== null}
          onClick={() => setEditing(row.name)}
        >
          Rename
        </button>
        <DeleteControl id={row.id} />
      </td>
    </tr>
  );
}

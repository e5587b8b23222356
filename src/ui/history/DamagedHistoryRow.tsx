/** A saved run that could not be read, in the history table: why, and the way to delete it (opening it says why it cannot be opened). */
import type { DamagedRunSummary } from '../../storage/types';
import { studioStore } from '../studio';
import { DeleteControl } from './DeleteControl';

/** Props: the damaged run's row. */
export interface DamagedHistoryRowProps {
  readonly row: DamagedRunSummary;
}

/** The table row. */
export function DamagedHistoryRow({ row }: DamagedHistoryRowProps) {
  return (
    <tr data-testid="history-row" data-run-id={row.id} data-damaged="true">
      <td />
      <td>
        <span data-testid="history-name">{row.name}</span>
      </td>
      <td>{row.createdAt === null ? '–' : new Date(row.createdAt).toLocaleString()}</td>
      <td className="field-error" data-testid="history-damage">
        {row.problem}
      </td>
      <td>damaged</td>
      <td data-testid="history-best">–</td>
      <td className="history-actions">
        <button
          type="button"
          data-testid="history-open"
          onClick={() => void studioStore.getState().openSavedRun(row.id)}
        >
          Open
        </button>
        <DeleteControl id={row.id} />
      </td>
    </tr>
  );
}

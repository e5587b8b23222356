/** The History tab: every saved run with its summary; open one read-only, rename, delete, compare two. */
import { useMemo, useState } from 'react';
import { differingSettings } from '../../core/run/history-settings';
import { studioStore, useStudio } from '../studio';
import { CompareView } from './CompareView';
import { DamagedHistoryRow } from './DamagedHistoryRow';
import { HistoryRow } from './HistoryRow';
import './history.css';

/** Props: what to do after a run is opened (show the Run view). */
export interface HistoryViewProps {
  readonly onOpened: () => void;
}

/** The list and the comparison. */
export function HistoryView({ onOpened }: HistoryViewProps) {
  const { rows, loaded, problem, busy, liveId } = useStudio((s) => s.history);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  // Runs of one strategy on one dataset are told apart by the settings they do not share.
  const differs = useMemo(
    () =>
      differingSettings(
        rows.map((r) =>
          r.damaged
            ? { group: '', settings: {} }
            : { group: `${r.strategy}/${r.dataset}`, settings: r.settings },
        ),
      ),
    [rows],
  );
  const picked = chosen.filter((id) => rows.some((r) => r.id === id));
  const toggle = (id: string): void =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c.slice(-1), id]));
  const compare = (): void => {
    const [a, b] = picked;
    if (a !== undefined && b !== undefined) void studioStore.getState().compareSavedRuns(a, b);
  };
  return (
    <>
      <section className="card" data-testid="history" aria-labelledby="history-title">
        <h3 id="history-title">
          Run history <span className="muted">· saved in this browser</span>
        </h3>
        {problem !== null ? (
          <p className="field-error" role="alert" data-testid="history-problem">
            {problem}
          </p>
        ) : null}
        {busy !== null ? <p className="muted">{busy}</p> : null}
        {!loaded ? (
          <p className="muted">Reading the saved runs…</p>
        ) : rows.length === 0 ? (
          <p className="empty" data-testid="history-empty">
            No saved runs yet. Every run is saved here as it trains: press Run to start one.
          </p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="history-table">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">Compare</span>
                    </th>
                    <th scope="col">Name</th>
                    <th scope="col">Started</th>
                    <th scope="col">Run</th>
                    <th scope="col">Status</th>
                    <th scope="col">Best accuracy</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) =>
                    r.damaged ? (
                      <DamagedHistoryRow key={r.id} row={r} />
                    ) : (
                      <HistoryRow
                        key={r.id}
                        row={r}
                        live={r.id === liveId}
                        chosen={picked.includes(r.id)}
                        onToggle={() => toggle(r.id)}
                        onOpened={onOpened}
                        differs={differs[i] ?? []}
                      />
                    ),
                  )}
                </tbody>
              </table>
            </div>
            <p className="history-compare-bar">
              <button
                type="button"
                data-testid="history-compare-button"
                disabled={picked.length !== 2}
                onClick={compare}
              >
                Compare the two chosen runs
              </button>{' '}
              <span className="muted">
                {picked.length === 2
                  ? 'Their loss and accuracy curves are drawn together below.'
                  : 'Tick two runs to compare their curves.'}
              </span>
            </p>
          </>
        )}
      </section>
      <CompareView />
    </>
  );
}

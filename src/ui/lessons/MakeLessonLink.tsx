/** "Make lesson link": the current experiment as a link with a title, notes, the view that opens, hidden or locked control groups and "run when opened". */
import { useState } from 'react';
import {
  CONTROL_GROUPS,
  encodeLink,
  LINK_LIMITS,
  LINK_VIEWS,
  LOCKABLE_GROUPS,
  type ControlGroup,
  type LockableGroup,
  type TeachingSettings,
} from '../../core/link';
import { studioStore } from '../studio';

/** What each control group covers, as the form lists it. */
const GROUP_LABELS: Record<ControlGroup, string> = {
  preset: 'Search space preset',
  dataset: 'Dataset',
  strategy: 'Strategy and hyper-parameters',
  backend: 'Backend',
  composer: 'Search space tab (composer)',
};

/** The views as the tabs name them. */
const VIEW_LABELS: Record<TeachingSettings['view'], string> = {
  space: 'Search space',
  run: 'Run',
  search: 'Subnets & Pareto',
  history: 'History',
};

/** The form and the link it makes. */
export function MakeLessonLink() {
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [view, setView] = useState<TeachingSettings['view']>('run');
  const [hidden, setHidden] = useState<ControlGroup[]>([]);
  const [locked, setLocked] = useState<LockableGroup[]>([]);
  const [runOnOpen, setRunOnOpen] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  const make = () => {
    const { spec, drafts } = studioStore.getState();
    const hash = encodeLink({
      spec,
      drafts,
      teaching: { title, notes, view, hidden, locked, runOnOpen },
    });
    const { origin, pathname, search } = window.location;
    setMade(`${origin}${pathname}${search}${hash}`);
  };
  return (
    <details className="card make-lesson" data-testid="make-lesson">
      <summary>Make lesson link</summary>
      <p className="muted">
        A link to the experiment as it is now, with your title and notes (shown as plain text), the
        view it opens, and controls hidden or locked for whoever opens it.
      </p>
      <label className="field">
        <span>Title</span>
        <input
          data-testid="make-lesson-title"
          maxLength={LINK_LIMITS.maxNameLength}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Notes</span>
        <textarea
          data-testid="make-lesson-notes"
          maxLength={LINK_LIMITS.maxNotesChars}
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Opens the view</span>
        <select
          data-testid="make-lesson-view"
          value={view}
          onChange={(e) => setView(e.target.value as TeachingSettings['view'])}
        >
          {LINK_VIEWS.map((v) => (
            <option key={v} value={v}>
              {VIEW_LABELS[v]}
            </option>
          ))}
        </select>
      </label>
      <table className="make-lesson-groups">
        <thead>
          <tr>
            <th>Controls</th>
            <th>Hide</th>
            <th>Lock</th>
          </tr>
        </thead>
        <tbody>
          {CONTROL_GROUPS.map((g) => {
            const lockable = (LOCKABLE_GROUPS as readonly string[]).includes(g);
            return (
              <tr key={g}>
                <td>{GROUP_LABELS[g]}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Hide ${GROUP_LABELS[g]}`}
                    data-testid={`make-lesson-hide-${g}`}
                    checked={hidden.includes(g)}
                    onChange={(e) => setHidden(toggle(hidden, g, e.target.checked))}
                  />
                </td>
                <td>
                  {lockable ? (
                    <input
                      type="checkbox"
                      aria-label={`Lock ${GROUP_LABELS[g]}`}
                      data-testid={`make-lesson-lock-${g}`}
                      checked={(locked as readonly string[]).includes(g)}
                      disabled={hidden.includes(g)}
                      onChange={(e) =>
                        setLocked(toggle(locked, g as LockableGroup, e.target.checked))
                      }
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="make-lesson-run"
          checked={runOnOpen}
          onChange={(e) => setRunOnOpen(e.target.checked)}
        />
        Run when opened
      </label>
      <div className="buttons">
        <button type="button" data-testid="make-lesson-button" onClick={make}>
          Make link
        </button>
      </div>
      {made === null ? null : (
        <input
          className="copy-field"
          data-testid="make-lesson-link"
          readOnly
          value={made}
          onFocus={(e) => e.target.select()}
        />
      )}
    </details>
  );
}

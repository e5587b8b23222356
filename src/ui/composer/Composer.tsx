/** The search-space composer: cell tabs, the cell canvas, live size and cost, cell and macro settings, problems. */
import { useCallback, useMemo } from 'react';
import './composer.css';
import { canRedo, canUndo } from '../../core/history';
import { PRESETS, isPresetName } from '../../core/search-space/presets';
import type { CellRole } from '../../core/search-space/types';
import { opsForDomain, specDomain } from '../../store/composer-logic';
import { spaceFigures } from '../../store/composer-figures';
import { spaceProblems } from '../../store/composer-problems';
import { useProblems } from '../problems';
import { studioStore, useStudio } from '../studio';
import { CellCanvas } from './CellCanvas';
import { CellSettings } from './CellSettings';
import { ConnectEdgeForm } from './ConnectEdgeForm';
import { DefaultOps } from './DefaultOps';
import { MacroEditor } from './MacroEditor';
import { SpaceStats } from './SpaceStats';
import { tryChange } from './space-actions';
import { useUndoKeys } from './use-undo-keys';

const ROLE_TITLES: Record<CellRole, string> = { normal: 'Normal cell', reduce: 'Reduction cell' };

/** The composer panel. */
export function Composer() {
  const spec = useStudio((s) => s.spec);
  const composer = useStudio((s) => s.composer);
  const role = useStudio((s) => s.composerRole);
  const positions = useStudio((s) => s.positions);
  const message = useStudio((s) => s.composerMessage);
  const epoch = useStudio((s) => s.composerEpoch);
  const store = studioStore.getState();
  const { all } = useProblems();
  const problems = useMemo(() => spaceProblems(all), [all]);
  const figures = useMemo(() => spaceFigures(spec), [spec]);
  const domain = specDomain(spec);
  const available = useMemo(() => opsForDomain(domain), [domain]);
  const space = spec.space;
  const tied = composer.present.tied;
  const shownRole: CellRole = role === 'reduce' && space.reduce ? 'reduce' : 'normal';
  const cell = shownRole === 'reduce' && space.reduce ? space.reduce : space.normal;
  const onUndo = useCallback(() => studioStore.getState().undoComposer(), []);
  const onRedo = useCallback(() => studioStore.getState().redoComposer(), []);
  useUndoKeys(onUndo, onRedo);
  const origin =
    space.preset !== null && isPresetName(space.preset)
      ? `Preset ${PRESETS[space.preset].label}`
      : 'Composed by hand';
  const listed = [
    ...problems.normal.cell,
    ...problems.reduce.cell,
    ...problems.other,
    ...[...problems.normal.nodes.values(), ...problems.reduce.nodes.values()].flat(),
    ...[...problems.normal.edges.values(), ...problems.reduce.edges.values()].flat(),
  ];

  return (
    <section className="card composer" data-testid="composer" aria-label="Search-space composer">
      <div className="composer-head">
        <div>
          <h3>Search space</h3>
          <span className="muted small" data-testid="composer-origin">
            {origin}. Load a preset in the sidebar, or start over:
          </span>{' '}
          <button type="button" data-testid="empty-cell-button" onClick={store.loadEmptyCell}>
            Empty cell
          </button>
        </div>
        <div className="composer-history">
          <button
            type="button"
            data-testid="undo-button"
            disabled={!canUndo(composer)}
            title="Undo (Ctrl+Z)"
            onClick={onUndo}
          >
            ↶ Undo
          </button>
          <button
            type="button"
            data-testid="redo-button"
            disabled={!canRedo(composer)}
            title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
            onClick={onRedo}
          >
            ↷ Redo
          </button>
        </div>
      </div>
      {space.reduce ? (
        <div className="cell-tabs" role="tablist" aria-label="Cells">
          {(['normal', 'reduce'] as const).map((r) => (
            <button
              key={r}
              type="button"
              role="tab"
              data-testid={`cell-tab-${r}`}
              aria-selected={shownRole === r}
              disabled={tied && r === 'reduce'}
              className={shownRole === r ? 'tab tab-active' : 'tab'}
              onClick={() => store.setComposerRole(r)}
            >
              {ROLE_TITLES[r]}
            </button>
          ))}
          <label
            className="tie"
            title="A tied reduction cell is a copy of the normal cell; edits apply to both."
          >
            <input
              type="checkbox"
              data-testid="tie-checkbox"
              checked={tied}
              onChange={(e) => {
                tryChange({ kind: 'tie', tied: e.target.checked });
                store.setComposerRole('normal');
              }}
            />
            tie cells
          </label>
          {tied ? <span className="muted small">Edits apply to both cells.</span> : null}
        </div>
      ) : null}
      <div className="composer-body">
        <CellCanvas
          key={`${shownRole}:${epoch}`}
          role={shownRole}
          cell={cell}
          positions={positions[shownRole]}
          problems={problems[shownRole]}
          available={available}
          message={message}
        />
        <div className="composer-side">
          <SpaceStats figures={figures} />
          <DefaultOps available={available} />
          <ConnectEdgeForm role={shownRole} cell={cell} />
          <CellSettings role={shownRole} cell={cell} problems={problems[shownRole]} />
        </div>
      </div>
      {listed.length > 0 ? (
        <ul
          className="problem-list composer-problems"
          data-testid="composer-problems"
          aria-label="Space problems"
        >
          {listed.map((p) => (
            <li key={`${p.path}:${p.code}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <MacroEditor problems={problems} />
    </section>
  );
}

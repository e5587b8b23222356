/** Settings of the cell shown: input nodes, output rule, and how the genotype is derived (top-k or per edge). */
import type { CellChange } from '../../core/search-space/edits';
import type { CellRole, CellSpec } from '../../core/search-space/types';
import type { CellProblems } from '../../store/composer-problems';
import { ComposerNumber } from './ComposerNumber';
import { tryChange } from './space-actions';

/** Props: the cell, its role and its cell-wide problems. */
export interface CellSettingsProps {
  readonly role: CellRole;
  readonly cell: CellSpec;
  readonly problems: CellProblems;
}

/** The cell settings box. */
export function CellSettings({ role, cell, problems }: CellSettingsProps) {
  const kProblems = problems.cell.filter((p) => p.path.endsWith('derive.k')).map((p) => p.message);
  const change = (c: CellChange): void => void tryChange({ kind: 'cell', role, change: c });
  return (
    <section className="composer-box cell-settings" aria-label="Cell settings">
      <h4>Cell</h4>
      <div className="field">
        <label htmlFor="inputs-select">Input nodes</label>
        <select
          id="inputs-select"
          data-testid="inputs-select"
          value={cell.inputs.length}
          onChange={(e) => change({ kind: 'set-inputs', count: e.target.value === '2' ? 2 : 1 })}
        >
          <option value="1">1: previous cell</option>
          <option value="2">2: previous two cells (DARTS)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="output-select">Output</label>
        <select
          id="output-select"
          data-testid="output-select"
          value={cell.output}
          onChange={(e) =>
            change({ kind: 'set-output', output: e.target.value === 'concat' ? 'concat' : 'last' })
          }
        >
          <option value="last">last node (NAS-Bench-201)</option>
          <option value="concat">concat of all nodes (DARTS)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="derive-select">Genotype</label>
        <select
          id="derive-select"
          data-testid="derive-select"
          value={cell.derive.rule}
          onChange={(e) =>
            change({
              kind: 'set-derive',
              derive: e.target.value === 'top-k' ? { rule: 'top-k', k: 2 } : { rule: 'per-edge' },
            })
          }
        >
          <option value="per-edge">one op per edge (NB201)</option>
          <option value="top-k">top-k edges per node (DARTS)</option>
        </select>
      </div>
      {cell.derive.rule === 'top-k' ? (
        <ComposerNumber
          name="k"
          label="k (edges kept per node)"
          value={cell.derive.k}
          problems={kProblems}
          onCommit={(k) =>
            tryChange({
              kind: 'cell',
              role,
              change: { kind: 'set-derive', derive: { rule: 'top-k', k } },
            })
          }
        />
      ) : null}
    </section>
  );
}

/** Every plotted subnet in a sortable table, in sync with the chart: brushed rows highlighted, a click selects. */
import { memo, useMemo, useState } from 'react';
import {
  EVALUATION_WORDS,
  formatCompact,
  formatMs,
  formatPercent,
} from '../../charts/pareto-format';
import { sortPoints } from '../../store/search-selectors';
import type { SearchPoint, SubnetColumn } from '../../store/search-state';
import { studioStore, useStudio } from '../studio';
import { ORIGIN_WORDS, standaloneText } from './search-text';

/** The table's columns: sortable ones name their store column. */
const COLUMNS: readonly { key: SubnetColumn | null; label: string; title: string }[] = [
  { key: 'order', label: '#', title: 'Evaluation order within its run' },
  { key: 'run', label: 'run', title: 'The run (strategy and seed) that evaluated it' },
  { key: 'accuracy', label: 'accuracy', title: 'Validation accuracy, and how it was obtained' },
  {
    key: 'standalone',
    label: 'stand-alone',
    title: 'Validation accuracy after training from scratch, or the state of that training',
  },
  { key: 'params', label: 'params', title: 'Trainable parameters of the stand-alone subnet' },
  { key: 'flops', label: 'FLOPs', title: 'Multiply-accumulates per example' },
  { key: 'latencyMs', label: 'latency', title: 'ms per example, priced by the latency table' },
  { key: 'generation', label: 'gen.', title: 'Evolution generation (0 for random search)' },
  { key: null, label: 'origin', title: 'How the candidate was made' },
  { key: null, label: 'front', title: 'On the Pareto front of accuracy against the chart’s cost' },
];

interface RowProps {
  readonly point: SearchPoint;
  readonly selected: boolean;
  readonly brushed: boolean;
}

/** One subnet's row; clicking it (or Enter) selects the subnet. */
function Row({ point, selected, brushed }: RowProps) {
  const { record } = point;
  const select = (): void => studioStore.getState().selectPoint(point.id);
  const classes = ['subnet-row', brushed ? 'brushed' : '', selected ? 'selected' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={classes}
      data-testid="subnet-row"
      data-id={point.id}
      aria-selected={selected}
      tabIndex={0}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select();
        }
      }}
    >
      <td className="num">{point.order}</td>
      <td className="run-cell">{point.runLabel}</td>
      <td className="num">
        {formatPercent(record.accuracy)}{' '}
        <span className="muted how">{EVALUATION_WORDS[record.evaluation]}</span>
      </td>
      <td className={`num standalone-${point.standalone?.state ?? 'none'}`}>
        {standaloneText(point.standalone)}
      </td>
      <td className="num">{record.params.toLocaleString()}</td>
      <td className="num" title={record.flops.toLocaleString()}>
        {formatCompact(record.flops)}
      </td>
      <td className="num">{formatMs(record.latencyMs)}</td>
      <td className="num">{record.generation}</td>
      <td>{ORIGIN_WORDS[record.origin]}</td>
      <td className="front-cell">
        {point.onFront ? (
          <span className="front-mark" title="On the Pareto front" aria-label="on the front">
            ●
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** Re-renders a row only when what it shows changed (points are rebuilt on every store change). */
const MemoRow = memo(
  Row,
  (a, b) =>
    a.selected === b.selected &&
    a.brushed === b.brushed &&
    a.point.id === b.point.id &&
    a.point.record === b.point.record &&
    a.point.standalone === b.point.standalone &&
    a.point.onFront === b.point.onFront &&
    a.point.order === b.point.order &&
    a.point.runLabel === b.point.runLabel,
);

/** The subnet table with its "show only brushed" toggle. */
export function SubnetTable({ points }: { readonly points: readonly SearchPoint[] }) {
  const sort = useStudio((s) => s.search.sort);
  const selected = useStudio((s) => s.search.selected);
  const brushed = useStudio((s) => s.search.brushed);
  const { sortSubnets, brushPoints } = studioStore.getState();
  const [onlyBrushed, setOnlyBrushed] = useState(false);
  const brushedSet = useMemo(() => new Set(brushed), [brushed]);
  const rows = useMemo(() => {
    const sorted = sortPoints(points, sort);
    return onlyBrushed && brushedSet.size > 0 ? sorted.filter((p) => brushedSet.has(p.id)) : sorted;
  }, [points, sort, onlyBrushed, brushedSet]);
  return (
    <section className="card" aria-labelledby="subnet-table-title">
      <h3 id="subnet-table-title">
        Evaluated subnets{' '}
        <span className="muted" data-testid="subnet-count">
          · {rows.length} of {points.length} shown
        </span>
      </h3>
      <div className="search-controls">
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="only-brushed"
            checked={onlyBrushed && brushed.length > 0}
            disabled={brushed.length === 0}
            onChange={(e) => setOnlyBrushed(e.target.checked)}
          />{' '}
          Show only brushed ({brushed.length})
        </label>
        <button
          type="button"
          className="small"
          data-testid="clear-brush"
          disabled={brushed.length === 0}
          onClick={() => brushPoints([])}
        >
          Clear brush
        </button>
        <span className="muted">Click a row to inspect its subnet; click a header to sort.</span>
      </div>
      <div className="subnet-table-wrap">
        <table className="subnet-table" data-testid="subnet-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const key = c.key;
                const active = key !== null && sort.column === key;
                return (
                  <th
                    key={c.label}
                    scope="col"
                    title={c.title}
                    aria-sort={
                      key === null
                        ? undefined
                        : active
                          ? sort.descending
                            ? 'descending'
                            : 'ascending'
                          : 'none'
                    }
                  >
                    {key === null ? (
                      c.label
                    ) : (
                      <button
                        type="button"
                        className="sort-button"
                        data-testid={`sort-${key}`}
                        onClick={() => sortSubnets(key)}
                      >
                        {c.label}
                        <span className="sort-mark" aria-hidden="true">
                          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <MemoRow
                key={p.id}
                point={p}
                selected={p.id === selected}
                brushed={brushedSet.has(p.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Hosts a d3 view in React: created in an effect, redrawn with new data at most once per animation
 * frame while on screen (once a second while scrolled away), destroyed on cleanup.
 */
import { useEffect, useId, useRef } from 'react';
import { chartFrames } from '../../charts/frame-scheduler';
import type { ChartView } from '../../charts/view';
import { ChartExportBar } from '../chart-export/ChartExportBar';
import { createChartDrawer, registerDrawer, type ChartDrawer } from './chart-drawer';

/** Props: a stable `create` (module-level function), the data to draw, and the host's test id and class. */
export interface ChartHostProps<D> {
  readonly create: (el: HTMLElement) => ChartView<D>;
  readonly data: D;
  readonly testId?: string;
  readonly className?: string;
  readonly label?: string;
  /** ARIA role of the host: 'img' (default) for a picture, 'group' for a chart with controls inside. */
  readonly role?: 'img' | 'group';
  /** The chart's text alternative (its data in words, or where a table of it is): read by screen readers, hidden on screen. */
  readonly summary?: string;
  /** When set, SVG and PNG download buttons beside the chart save `<exportName>.svg` / `.png` (unique on a page). */
  readonly exportName?: string;
}

/** A div that owns one d3 view, with download buttons above it when `exportName` is given. */
export function ChartHost<D>({
  create,
  data,
  testId,
  className,
  label,
  role = 'img',
  summary,
  exportName,
}: ChartHostProps<D>) {
  const summaryId = useId();
  const host = useRef<HTMLDivElement>(null);
  const drawer = useRef<ChartDrawer<D> | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const v: ChartView<D> = create(el);
    const d = createChartDrawer(el, v, chartFrames);
    drawer.current = d;
    registerDrawer(el, d as ChartDrawer<never>);
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            const entry = entries[entries.length - 1];
            if (entry) d.setVisible(entry.isIntersecting);
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      registerDrawer(el, null);
      d.destroy();
      v.destroy();
      drawer.current = null;
    };
  }, [create]);
  useEffect(() => {
    drawer.current?.setData(data);
  }, [create, data]);
  const chart = (
    <>
      <div
        ref={host}
        className={className}
        data-testid={testId}
        role={role}
        aria-label={label}
        aria-describedby={summary === undefined ? undefined : summaryId}
      />
      {summary === undefined ? null : (
        <p
          id={summaryId}
          className="visually-hidden"
          data-testid={testId === undefined ? undefined : `${testId}-summary`}
        >
          {summary}
        </p>
      )}
    </>
  );
  if (exportName === undefined) return chart;
  return (
    <div className="chart-export-frame">
      <ChartExportBar name={exportName} label={label ?? exportName} host={host} />
      {chart}
    </div>
  );
}

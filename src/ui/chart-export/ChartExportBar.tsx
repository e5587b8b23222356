/** The SVG and PNG download buttons beside a chart, with a plain message when an export fails. */
import { useState, type RefObject } from 'react';
import { chartFileName, exportProblem, saveChartPng, saveChartSvg } from './save-chart';
import { useHasSvg } from './use-has-svg';
import { flushChart } from '../views/chart-drawer';

/** Props: the file name stem (and test-id suffix), the chart's name for people, and its host element. */
export interface ChartExportBarProps {
  readonly name: string;
  readonly label: string;
  readonly host: RefObject<HTMLElement | null>;
}

/** Two small buttons, disabled until the chart has drawn an svg. */
export function ChartExportBar({ name, label, host }: ChartExportBarProps) {
  const ready = useHasSvg(host);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const why = ready ? undefined : 'The chart has nothing to download until it draws.';
  const saveSvg = (): void => {
    const el = host.current;
    if (!el) return;
    flushChart(el);
    try {
      saveChartSvg(el, name, label);
      setProblem(null);
    } catch (e) {
      setProblem(exportProblem(e, 'SVG'));
    }
  };
  const savePng = (): void => {
    const el = host.current;
    if (!el) return;
    flushChart(el);
    setBusy(true);
    saveChartPng(el, name, label)
      .then(() => setProblem(null))
      .catch((e: unknown) => setProblem(exportProblem(e, 'PNG')))
      .finally(() => setBusy(false));
  };
  return (
    <div className="chart-export-bar" role="group" aria-label={`Download ${label}`}>
      {problem !== null ? (
        <span className="chart-export-problem" role="alert" data-testid={`export-problem-${name}`}>
          {problem}
        </span>
      ) : null}
      <button
        type="button"
        data-testid={`export-svg-${name}`}
        aria-label={`Download ${label} as SVG`}
        title={why ?? `Save as ${chartFileName(name, 'svg')}`}
        disabled={!ready}
        onClick={saveSvg}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid={`export-png-${name}`}
        aria-label={`Download ${label} as PNG`}
        title={why ?? `Save as ${chartFileName(name, 'png')}, at twice the size shown`}
        disabled={!ready || busy}
        onClick={savePng}
      >
        PNG
      </button>
    </div>
  );
}

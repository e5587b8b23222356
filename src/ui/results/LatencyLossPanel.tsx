/** A search with a latency loss: its form and target, E[LAT] after each epoch (a small line with the target dashed) and the derived cell's latency. */
import { LATENCY_FORM_LABELS } from '../../core/latency-loss/spec';
import { shownRun } from '../../store/history-selectors';
import { useStudio } from '../studio';

/** Width and height of the trajectory drawing, px. */
const W = 240;
const H = 64;

/** ms with 4 significant digits. */
function ms(v: number): string {
  return `${Number(v.toPrecision(4))} ms`;
}

/** The panel, shown once a run with a latency loss has reported an epoch. */
export function LatencyLossPanel() {
  const run = useStudio(shownRun);
  const points = run.expectedLatency;
  const s = run.spec?.strategy;
  const last = points[points.length - 1];
  if (!s || !('latency' in s) || !last) return null;
  const first = points[0] ?? last;
  const target = last.targetMs;
  const values = [...points.map((p) => p.expectedMs), target];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i: number) => (points.length === 1 ? W / 2 : (i / (points.length - 1)) * (W - 8) + 4);
  const y = (v: number) => (hi === lo ? H / 2 : H - 4 - ((v - lo) / (hi - lo)) * (H - 8));
  const derived = run.subnets.find((r) => r.origin === 'derived');
  return (
    <section className="card" aria-labelledby="latency-loss-title" data-testid="latency-loss-panel">
      <h3 id="latency-loss-title">Latency-aware search</h3>
      <p className="hint">
        {LATENCY_FORM_LABELS[s.latency.form]} loss, target {ms(target)} per example on this device’s
        latency table.
      </p>
      <p data-testid="expected-latency">
        Expected latency E[LAT] after epoch {last.epoch}: <strong>{ms(last.expectedMs)}</strong>
        {points.length > 1 ? ` (after epoch ${first.epoch}: ${ms(first.expectedMs)})` : ''}.
      </p>
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={`Expected latency over ${points.length} epoch(s), from ${ms(first.expectedMs)} to ${ms(last.expectedMs)}; the target ${ms(target)} dashed`}
      >
        <line
          x1={0}
          x2={W}
          y1={y(target)}
          y2={y(target)}
          stroke="currentColor"
          strokeDasharray="4 3"
          opacity={0.5}
        />
        <polyline
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.expectedMs)}`).join(' ')}
        />
      </svg>
      {derived && derived.latencyMs !== null ? (
        <p className="hint" data-testid="derived-latency">
          Derived cell: {ms(derived.latencyMs)} on the same table; the Subnets & Pareto view plots
          it against its accuracy beside other runs.
        </p>
      ) : null}
    </section>
  );
}

/** Run / pause / resume / single step / stop, the expected run time, the progress bar and the run's status line. */
import { isActive } from '../../store/run-slice';
import { formatDuration, progressOf, runBlockedReason } from '../../store/run-selectors';
import { useMissingData } from '../form/upload/missing-data';
import { useProblems } from '../problems';
import { studioStore, useStudio } from '../studio';
import { RunEstimate } from './RunEstimate';
import { RunStatusLine } from './RunStatusLine';
import { groupDigits } from '../../core/numbers';

/** The control strip above the views; `onRun` is told when Run is pressed (to show the run). */
export function RunControls({ onRun }: { readonly onRun?: () => void }) {
  const run = useStudio((s) => s.run);
  const { startRun, pauseRun, resumeRun, stepRun, stopRun } = studioStore.getState();
  const { all } = useProblems();
  const active = isActive(run);
  const p = progressOf(run);
  const busy = useStudio(runBlockedReason);
  const upload = useStudio((s) => s.spec.dataset.upload);
  const missing = useMissingData((s) => s.missing !== null && s.missing === upload?.hash);
  const blocked = all.length > 0;
  return (
    <section className="card run-controls" aria-label="Run controls">
      <div className="buttons">
        <button
          type="button"
          className="primary"
          data-testid="run-button"
          disabled={active || blocked || missing || busy !== null}
          title={
            blocked
              ? `Run is blocked: ${all[0]?.message ?? ''}`
              : missing
                ? `Run waits for the data file ${upload?.name ?? ''}; choose it in the Dataset section.`
                : (busy ?? undefined)
          }
          onClick={() => {
            onRun?.();
            void startRun();
          }}
        >
          Run
        </button>
        {run.status === 'paused' ? (
          <button type="button" data-testid="resume-button" onClick={resumeRun}>
            Resume
          </button>
        ) : (
          <button
            type="button"
            data-testid="pause-button"
            disabled={run.status !== 'running'}
            onClick={pauseRun}
          >
            Pause
          </button>
        )}
        <button
          type="button"
          data-testid="step-button"
          disabled={run.status !== 'paused'}
          title="Take exactly one more step, then stay paused."
          onClick={stepRun}
        >
          Step
        </button>
        <button type="button" data-testid="stop-button" disabled={!active} onClick={stopRun}>
          Stop
        </button>
        {blocked ? (
          <span className="blocked" role="note" data-testid="run-blocked">
            Run is blocked: {all[0]?.message}
            {all.length > 1
              ? ` (and ${all.length - 1} more problem${all.length > 2 ? 's' : ''})`
              : ''}
          </span>
        ) : busy !== null ? (
          <span className="blocked" role="note" data-testid="run-busy">
            {busy}
          </span>
        ) : null}
        <RunEstimate />
      </div>
      <div className="progress-row" data-testid="run-progress">
        <progress
          data-testid="progress"
          max={Math.max(1, p.total)}
          value={p.done}
          aria-label="Run progress"
        />
        <span className="step-counter" data-testid="step-counter">
          {groupDigits(p.done)} / {groupDigits(p.total)}
        </span>
        <span className="muted">
          epoch {p.epoch} / {p.epochs}
        </span>
        <span className="muted">{formatDuration(p.elapsedMs)}</span>
        <span className="muted">
          {p.stepsPerSec === null ? '– steps/s' : `${p.stepsPerSec.toFixed(2)} steps/s`}
        </span>
      </div>
      <RunStatusLine />
    </section>
  );
}

/** The run's status word, the phase of a discrete search with its progress, and the engine's latest message (a non-finite loss names its step here). */
import type { RunStatus } from '../../core/run/protocol';
import { useStudio } from '../studio';
import { PhaseMessage, PhaseProgress } from './PhaseProgress';

const WORDS: Record<RunStatus, string> = {
  idle: 'ready',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  stopped: 'stopped',
  failed: 'failed',
};

/** Status, phase and message, announced politely to screen readers; the phase's progress bar below, outside the live region. */
export function RunStatusLine() {
  const status = useStudio((s) => s.run.status);
  const messages = useStudio((s) => s.run.messages);
  const started = useStudio((s) => s.run.started);
  const negotiating = useStudio((s) => s.negotiating);
  const kind = useStudio((s) => s.run.spec?.strategy.kind ?? 'darts');
  const last = messages[messages.length - 1];
  const preparing = status === 'running' && started === null;
  return (
    <>
      <p className="status-line" role="status">
        <span className={`status-pill status-${status}`} data-testid="run-status">
          {WORDS[status]}
        </span>
        {preparing ? (
          <span className="muted">
            {negotiating ? 'Choosing a backend…' : 'Loading data and building the supernet…'}
          </span>
        ) : null}
        <PhaseMessage />
        {last ? (
          <span className={`status-message status-message-${last.status}`}>{last.message}</span>
        ) : null}
        {started ? (
          <span className="muted">
            {started.paramCount.toLocaleString()}{' '}
            {kind === 'multi-trial' ? 'parameters in the largest subnet' : 'supernet parameters'} ·{' '}
            {started.trainCount} / {started.validCount} / {started.testCount} train /{' '}
            {kind === 'darts' ? 'alpha' : 'validation'} / test examples
          </span>
        ) : null}
      </p>
      <PhaseProgress />
    </>
  );
}

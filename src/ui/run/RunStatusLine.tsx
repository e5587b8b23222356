/** The run's status word and the engine's latest message (a non-finite loss names its step here). */
import type { RunStatus } from '../../core/run/protocol';
import { useStudio } from '../studio';

const WORDS: Record<RunStatus, string> = {
  idle: 'ready',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  stopped: 'stopped',
  failed: 'failed',
};

/** Status and message, announced politely to screen readers. */
export function RunStatusLine() {
  const status = useStudio((s) => s.run.status);
  const messages = useStudio((s) => s.run.messages);
  const started = useStudio((s) => s.run.started);
  const negotiating = useStudio((s) => s.negotiating);
  const last = messages[messages.length - 1];
  const preparing = status === 'running' && started === null;
  return (
    <p className="status-line" role="status">
      <span className={`status-pill status-${status}`} data-testid="run-status">
        {WORDS[status]}
      </span>
      {preparing ? (
        <span className="muted">
          {negotiating ? 'Choosing a backend…' : 'Loading data and building the supernet…'}
        </span>
      ) : null}
      {last ? (
        <span className={`status-message status-message-${last.status}`}>{last.message}</span>
      ) : null}
      {started ? (
        <span className="muted">
          {started.paramCount.toLocaleString()} supernet parameters · {started.trainCount} /{' '}
          {started.validCount} / {started.testCount} train / alpha / test examples
        </span>
      ) : null}
    </p>
  );
}

/** The run's status word, the phase of a discrete search with its progress, the engine's latest message (a non-finite loss names its step here), and how the run carried on when its engine died. */
import { capabilitiesOf } from '../../core/strategy/registry';
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

/** The latest time the run outlived its engine (worker died, GPU device lost): what happened and where it resumed. */
function RecoveryLine() {
  const recoveries = useStudio((s) => s.run.recoveries);
  const last = recoveries[recoveries.length - 1];
  if (last === undefined) return null;
  return (
    <p className="status-line recovery-line" data-testid="run-recovery">
      {recoveries.length > 1 ? `Carried on ${recoveries.length} times. Latest: ` : ''}
      {last.message}
    </p>
  );
}

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
            {capabilitiesOf(kind).supernet
              ? 'supernet parameters'
              : 'parameters in the largest subnet'}{' '}
            · {started.trainCount} / {started.validCount} / {started.testCount} train /{' '}
            {capabilitiesOf(kind).alphas ? 'alpha' : 'validation'} / test examples
          </span>
        ) : null}
      </p>
      <RecoveryLine />
      <PhaseProgress />
    </>
  );
}

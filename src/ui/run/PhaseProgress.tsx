/** The phase of a discrete-search run and, for phases without training steps, "done / total" with a bar. */
import type { RunPhase } from '../../core/run/protocol';
import type { RunState } from '../../core/run/state';
import { useStudio } from '../studio';
import { groupDigits } from '../../core/numbers';

/** Short names of the phases. */
const PHASE_WORDS: Record<RunPhase, string> = {
  supernet: 'supernet training',
  latency: 'latency table',
  search: 'search',
  check: 'latency check',
  selection: 'perturbation selection',
  standalone: 'stand-alone training of the top k',
};

/** What each phase counts. */
const PHASE_UNITS: Record<RunPhase, string> = {
  supernet: 'steps',
  latency: 'entries measured',
  search: 'subnets evaluated',
  check: 'subnets timed',
  selection: 'decisions taken',
  standalone: 'architectures trained',
};

/** The current phase while the run is in progress, else null. */
function activePhase(run: Pick<RunState, 'phase' | 'status'>): RunState['phase'] {
  return run.status === 'running' || run.status === 'paused' ? run.phase : null;
}

/** The phase name and the engine's message about it, for the status line (nothing for DARTS or an ended run). */
export function PhaseMessage() {
  const phase = useStudio((s) => activePhase(s.run));
  if (phase === null) return null;
  return (
    <span className="phase" data-testid="run-phase" data-phase={phase.phase}>
      <span className="phase-name">{PHASE_WORDS[phase.phase]}</span>{' '}
      <span className="muted">{phase.message}</span>
    </span>
  );
}

/** "done / total" with a bar for the latency, search and check phases, while the run is in progress. */
export function PhaseProgress() {
  const phase = useStudio((s) => activePhase(s.run));
  const progress = useStudio((s) => s.run.progress);
  if (
    phase === null ||
    progress === null ||
    progress.phase !== phase.phase ||
    progress.phase === 'supernet'
  )
    return null;
  return (
    <div className="progress-row phase-progress">
      <span className="phase-name">{PHASE_WORDS[progress.phase]}</span>
      <progress
        data-testid="phase-progress"
        max={Math.max(1, progress.total)}
        value={progress.done}
        aria-label={`${PHASE_WORDS[progress.phase]} progress`}
      />
      <span className="step-counter" data-testid="phase-counter">
        {groupDigits(progress.done)} / {groupDigits(progress.total)}
      </span>
      <span className="muted">{PHASE_UNITS[progress.phase]}</span>
    </div>
  );
}

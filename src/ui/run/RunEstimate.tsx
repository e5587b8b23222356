/** The expected run time beside Run: estimating…, the estimate (and a plain note past the budget of a default run), or why there is none. */
import { useStudio } from '../studio';
import { estimateLine } from './estimate-text';

/** Nothing while the spec has problems or the worker is busy; the breakdown is the line's tooltip. */
export function RunEstimate() {
  const line = estimateLine(useStudio((s) => s.estimate));
  if (line === null) return null;
  return (
    <span className="run-estimate" data-testid="run-estimate" title={line.detail ?? undefined}>
      {line.text}
      {line.over !== null ? (
        <span className="run-estimate-over" data-testid="run-estimate-over">
          {' '}
          {line.over}
        </span>
      ) : null}
    </span>
  );
}

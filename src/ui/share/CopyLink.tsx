/** "Copy link": puts the current experiment's link on the clipboard, or shows it selected in a text field where the clipboard is not available. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { validateExperiment } from '../../core/experiment/validate';
import { carriedSummary, currentLink, finishedSummary } from '../../store/link-actions';
import { studioStore, useStudio } from '../studio';
import { linkStore, useLink } from './links';

/** The button's tooltip: what a link holds. */
const COPY_TITLE =
  'The link holds the experiment as it is on screen, typed text and unfinished cells included; an experiment with problems is copied as it is, and whoever opens it sees the same problems, with Run disabled until they are fixed.';

/** The note beside Copy link while the experiment has problems; null when it has none. */
export function copyNote(spec: ExperimentSpec): string | null {
  return validateExperiment(spec).length > 0
    ? 'copies the experiment as it is: whoever opens it sees the same problems'
    : null;
}

/** The full address of the current experiment (this page with the link as its hash). */
function currentAddress(): string {
  const hash = currentLink(studioStore.getState(), linkStore.getState());
  const { origin, pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', hash);
  return `${origin}${pathname}${search}${hash}`;
}

/** The Copy link button, the "include the result" choice, and the fallback field. */
export function CopyLink() {
  const [status, setStatus] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const includeResult = useLink((s) => s.includeResult);
  const spec = useStudio((s) => s.spec);
  const note = useMemo(() => copyNote(spec), [spec]);
  const hasResult = useStudio(
    (s) =>
      finishedSummary(s, linkStore.getState()) !== null ||
      carriedSummary(s, linkStore.getState()) !== null,
  );
  useEffect(() => {
    if (fallback !== null) field.current?.select();
  }, [fallback]);
  useEffect(() => {
    if (status === null) return;
    const t = setTimeout(() => setStatus(null), 2500);
    return () => clearTimeout(t);
  }, [status]);
  const copy = async () => {
    const address = currentAddress();
    try {
      await navigator.clipboard.writeText(address);
      setFallback(null);
      setStatus('Link copied');
    } catch {
      setFallback(address);
      setStatus('Press Ctrl+C (⌘C) to copy the selected link');
    }
  };
  return (
    <div className="copy-link">
      <button type="button" data-testid="copy-link" title={COPY_TITLE} onClick={() => void copy()}>
        Copy link
      </button>
      {note !== null ? (
        <span className="copy-link-note" data-testid="copy-link-note" title={note}>
          {note}
        </span>
      ) : null}
      <label
        title={
          hasResult
            ? 'The link also carries the finished run: its genotype and accuracy.'
            : 'Finish a run of this experiment to include its result.'
        }
      >
        <input
          type="checkbox"
          data-testid="copy-link-include-result"
          checked={includeResult && hasResult}
          disabled={!hasResult}
          onChange={(e) => linkStore.getState().setIncludeResult(e.target.checked)}
        />{' '}
        include the result
      </label>
      {status !== null ? (
        <span role="status" data-testid="copy-link-status">
          {status}
        </span>
      ) : null}
      {fallback !== null ? (
        <input
          ref={field}
          readOnly
          aria-label="Experiment link"
          data-testid="copy-link-field"
          value={fallback}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}

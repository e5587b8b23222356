/** "Copy link": puts the current experiment's link on the clipboard, or shows it selected in a text field where the clipboard is not available. */
import { useEffect, useRef, useState } from 'react';
import { carriedSummary, currentLink, finishedSummary } from '../../store/link-actions';
import { studioStore, useStudio } from '../studio';
import { linkStore, useLink } from './links';

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
      <button type="button" data-testid="copy-link" onClick={() => void copy()}>
        Copy link
      </button>
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

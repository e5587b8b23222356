/** A dismissible banner for failures outside the search loop (a dead worker, a backend that cannot start, a link that was refused), with the link notices below it. */
import type { LinkFallback } from '../../store/link-store';
import { LinkNotice } from '../share/LinkNotice';
import { LinkSummaryCard } from '../share/LinkSummaryCard';
import { linkStore, useLink } from '../share/links';
import { studioStore, useStudio } from '../studio';

/** Shows the run's error and a refused link's problems, if any, then the link's repairs and carried run. */
export function ErrorBanner() {
  const error = useStudio((s) => s.run.error);
  const problems = useLink((s) => s.problems);
  const fallback = useLink((s) => s.fallback);
  const dismiss = () => {
    if (error !== null) studioStore.getState().dismissError();
    linkStore.getState().dismissProblems();
  };
  return (
    <>
      {error !== null || problems.length > 0 ? (
        <div className="error-banner" role="alert" data-testid="error-banner">
          <div>
            {error !== null ? <div>{error}</div> : null}
            <LinkProblems problems={problems} fallback={fallback} />
          </div>
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
      <LinkNotice />
      <LinkSummaryCard />
    </>
  );
}

/** What the studio shows instead of a refused link, in words. */
const FALLBACK_TEXT: Record<LinkFallback, string> = {
  kept: 'This link could not be opened; the experiment you had is kept.',
  restored:
    'This link could not be opened; the experiment you had before is restored (this browser saved it).',
  default:
    'This link could not be opened, and this browser saved no earlier experiment; the default experiment is shown.',
};

/** Why a link was refused and what is shown instead (nothing when no link was refused). */
export function LinkProblems({
  problems,
  fallback = 'kept',
}: {
  problems: readonly string[];
  fallback?: LinkFallback;
}) {
  if (problems.length === 0) return null;
  return (
    <div data-testid="link-problems">
      <div data-testid="link-fallback">{FALLBACK_TEXT[fallback]}</div>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

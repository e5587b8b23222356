/** A dismissible banner for failures outside the search loop (a dead worker, a backend that cannot start, a link that was refused), with the link notices below it. */
import { LinkNotice } from '../share/LinkNotice';
import { LinkSummaryCard } from '../share/LinkSummaryCard';
import { linkStore, useLink } from '../share/links';
import { studioStore, useStudio } from '../studio';

/** Shows the run's error and a refused link's problems, if any, then the link's repairs and carried run. */
export function ErrorBanner() {
  const error = useStudio((s) => s.run.error);
  const problems = useLink((s) => s.problems);
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
            <LinkProblems problems={problems} />
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

/** Why a link was refused (nothing when it was not). */
export function LinkProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div data-testid="link-problems">
      <div>This link could not be opened; the experiment you had is kept.</div>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** The finished run a link carried, shown before any re-run while its experiment is unchanged. */
import type { RunSummary } from '../../core/link';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { carriedSummary } from '../../store/link-actions';
import { useStudio } from '../studio';
import { linkStore, useLink } from './links';

/** A percentage with one decimal. */
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Shows "This link carries a finished run: <genotype> · valid x% · test y%". */
export function LinkSummaryCard() {
  useLink((s) => s.carried);
  const spec = useStudio((s) => s.spec);
  const summary = useStudio((s) => carriedSummary(s, linkStore.getState()));
  if (summary === null) return null;
  return <SummaryLine summary={summary} space={spec.space} />;
}

/** The card for one carried run on `space`. */
export function SummaryLine({ summary, space }: { summary: RunSummary; space: SearchSpaceSpec }) {
  const genotype =
    formatNb201(space.normal, summary.genotype.normal) ??
    formatDartsGenotype(space, summary.genotype);
  return (
    <div className="card link-summary" data-testid="link-summary">
      This link carries a finished run: <code>{genotype}</code> · valid {percent(summary.validAcc)}{' '}
      · test {percent(summary.testAcc)}
      <span className="muted">
        {' '}
        ({summary.strategy}, {summary.steps} steps
        {summary.finishedAt !== null ? `, finished ${summary.finishedAt}` : ''})
      </span>
    </div>
  );
}

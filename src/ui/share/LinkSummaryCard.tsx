/** The finished run a link carried, shown as a result card (cell diagram beside the headline figures) while its experiment is unchanged. */
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { RunSummary } from '../../core/link';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import { carriedSummary } from '../../store/link-actions';
import { GenotypeCells } from '../views/GenotypeCells';
import { useStudio } from '../studio';
import { linkStore, useLink } from './links';
import { headlines, readableDate } from './result-card-data';

/** The card of the run the opened link carries, if it is still the experiment shown. */
export function LinkSummaryCard() {
  useLink((s) => s.carried);
  const spec = useStudio((s) => s.spec);
  const summary = useStudio((s) => carriedSummary(s, linkStore.getState()));
  if (summary === null) return null;
  return <SharedResultCard summary={summary} spec={spec} />;
}

/** The card for one carried run of `spec`: the genotype as cell diagrams, the headline figures, the date it finished. */
export function SharedResultCard({
  summary,
  spec,
}: {
  readonly summary: RunSummary;
  readonly spec: ExperimentSpec;
}) {
  const genotype =
    formatNb201(spec.space.normal, summary.genotype.normal) ??
    formatDartsGenotype(spec.space, summary.genotype);
  const date = readableDate(summary.finishedAt);
  return (
    <section className="card link-summary" data-testid="link-summary" aria-label="Shared result">
      <h3>
        Shared result{spec.name ? `: ${spec.name}` : ''}
        {date !== null ? (
          <span className="muted" data-testid="link-summary-date">
            {' '}
            · finished {date}
          </span>
        ) : null}
      </h3>
      <div className="result-card-body">
        <GenotypeCells
          genotype={summary.genotype}
          spec={spec}
          testId="link-summary-cells"
          exportPrefix="shared-cell"
          labelSuffix="of the shared result"
        />
        <dl className="result-card-figures" data-testid="link-summary-figures">
          {headlines(summary, spec).map((h) => (
            <div key={h.label}>
              <dt>{h.label}</dt>
              <dd>{h.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <p className="muted">
        This link carries a finished run: <code>{genotype}</code>. Press Run to search again on this
        machine; the card stays while the experiment is unchanged.
      </p>
    </section>
  );
}

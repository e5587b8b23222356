/** The current genotype drawn as cell DAGs: DARTS's derived cell as the argmax changes, or a discrete search's best subnet. */
import { shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { createCellDiagram } from '../../charts/cell-diagram';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from './ChartHost';
import { searchedCells } from './chart-data';
import { isDiscrete, shownGenotype, type ShownGenotype } from './shown-genotype';

/** The card's title for what is shown. */
function title(shown: ShownGenotype | null, discrete: boolean, evaluated: number): string {
  if (discrete) {
    if (shown?.source === 'final') return 'Best subnet found';
    return evaluated > 0 ? `Best subnet so far · ${evaluated} evaluated` : 'Best subnet found';
  }
  if (shown === null) return 'Derived genotype';
  return shown.source === 'final'
    ? `Final genotype · step ${shown.step ?? ''}`
    : `Derived genotype · since step ${shown.step ?? ''}`;
}

/** One diagram per searched cell of the genotype to show. */
export function GenotypeDiagram() {
  const spec = useStudio((s) => shownRun(s).spec);
  const genotype = useStudio((s) => shownRun(s).genotype);
  const result = useStudio((s) => shownRun(s).result);
  const subnets = useStudio((s) => shownRun(s).subnets);
  const shown = useMemo(
    () => shownGenotype({ spec, genotype, result, subnets }),
    [spec, genotype, result, subnets],
  );
  const discrete = isDiscrete(spec?.strategy.kind);
  const diagrams = useMemo(
    () =>
      shown === null
        ? []
        : searchedCells({ spec }).flatMap(({ role, title: cellTitle, cell }) => {
            const g = shown.genotype[role];
            return g ? [{ role, title: cellTitle, data: { cell, genotype: g } }] : [];
          }),
    [spec, shown],
  );
  return (
    <section className="card live-card" aria-labelledby="genotype-title">
      <h3 id="genotype-title">{title(shown, discrete, subnets.length)}</h3>
      <Explain id="genotype" />
      {shown !== null ? (
        <div className="diagrams" data-testid="genotype-diagram">
          {diagrams.map(({ role, title: cellTitle, data }) => (
            <figure key={role} className="diagram">
              <figcaption>{cellTitle}</figcaption>
              <ChartHost
                create={createCellDiagram}
                data={data}
                className="diagram-host"
                exportName={`genotype-${role}`}
                label={`${cellTitle} genotype`}
              />
            </figure>
          ))}
        </div>
      ) : (
        <p className="empty">
          {discrete
            ? 'The most accurate subnet appears here once the search evaluates its first subnet.'
            : 'The cell read off the alphas appears once the run reports its first genotype.'}
        </p>
      )}
    </section>
  );
}

/** The current derived genotype drawn as cell DAGs, updated whenever the argmax changes. */
import { createCellDiagram } from '../../charts/cell-diagram';
import { useStudio } from '../studio';
import { ChartHost } from './ChartHost';
import { searchedCells } from './chart-data';

/** One diagram per searched cell of the latest genotype. */
export function GenotypeDiagram() {
  const spec = useStudio((s) => s.run.spec);
  const current = useStudio((s) => s.run.genotype);
  const final = useStudio((s) => s.run.result !== null);
  return (
    <section className="card" aria-labelledby="genotype-title">
      <h3 id="genotype-title">
        {final ? 'Final genotype' : 'Derived genotype'}
        {current ? (
          <span className="muted">
            {' '}
            · {final ? 'step' : 'since step'} {current.step}
          </span>
        ) : null}
      </h3>
      {current ? (
        <div className="diagrams" data-testid="genotype-diagram">
          {searchedCells({ spec }).map(({ role, title, cell }) => {
            const genotype = current.genotype[role];
            return genotype ? (
              <figure key={role} className="diagram">
                <figcaption>{title}</figcaption>
                <ChartHost
                  create={createCellDiagram}
                  data={{ cell, genotype }}
                  className="diagram-host"
                  label={`${title} genotype`}
                />
              </figure>
            ) : null;
          })}
        </div>
      ) : (
        <p className="empty">
          The cell read off the alphas appears once the run reports its first genotype.
        </p>
      )}
    </section>
  );
}

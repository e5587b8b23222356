/** One cell diagram per searched cell of a genotype, with SVG and PNG downloads. */
import { useMemo } from 'react';
import { createCellDiagram } from '../../charts/cell-diagram';
import { cellSummary } from '../../charts/cell-summary';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { Genotype } from '../../core/search-space/types';
import { ChartHost } from './ChartHost';
import { searchedCells } from './chart-data';

/** Props: the genotype, its run's spec, a test id, the download name prefix and what the cells are called in labels. */
export interface GenotypeCellsProps {
  readonly genotype: Genotype;
  readonly spec: ExperimentSpec;
  readonly testId: string;
  readonly exportPrefix: string;
  readonly labelSuffix: string;
}

/** The diagrams of `genotype`'s cells, side by side. */
export function GenotypeCells({
  genotype,
  spec,
  testId,
  exportPrefix,
  labelSuffix,
}: GenotypeCellsProps) {
  const diagrams = useMemo(
    () =>
      searchedCells({ spec }).flatMap(({ role, title, cell }) => {
        const g = genotype[role];
        return g ? [{ role, title, data: { cell, genotype: g } }] : [];
      }),
    [spec, genotype],
  );
  return (
    <div className="diagrams" data-testid={testId}>
      {diagrams.map(({ role, title, data }) => (
        <figure key={role} className="diagram">
          <figcaption>{title}</figcaption>
          <ChartHost
            create={createCellDiagram}
            data={data}
            className="diagram-host"
            exportName={`${exportPrefix}-${role}`}
            label={`${title} ${labelSuffix}`}
            summary={cellSummary(data.genotype)}
          />
        </figure>
      ))}
    </div>
  );
}

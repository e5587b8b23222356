/** The selected 2D dataset drawn as a scatter beside its settings: class by colour, split by marker; follows samples, noise, split and seed as they change. */
import { useMemo } from 'react';
import { createPlaneView } from '../../charts/plane-view';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from '../views/ChartHost';
import { specPoints } from './plane-splits';

/** The scatter of the form's 2D dataset; nothing for other datasets. */
export function DataScatter() {
  const dataset = useStudio((s) => s.spec.dataset);
  const seed = useStudio((s) => s.spec.seed);
  const points = useMemo(() => specPoints(dataset, seed), [dataset, seed]);
  const data = useMemo(
    () => (typeof points === 'string' || points === null ? null : { points, heatmap: null }),
    [points],
  );
  if (points === null) return null;
  return (
    <figure className="plane-figure" data-testid="data-scatter-figure">
      {data === null ? (
        <p className="field-help" data-testid="data-scatter-note">
          {typeof points === 'string' ? points : ''}
        </p>
      ) : (
        <ChartHost
          create={createPlaneView}
          data={data}
          testId="data-scatter"
          className="plane-host"
          label={`The ${dataset.id} dataset: ${data.points.length} points, coloured by class`}
          exportName="dataset-scatter"
        />
      )}
      <figcaption className="field-help">
        Colour is the class; filled circles train the weights, rings are the validation split (the
        alpha step), triangles the test split.
      </figcaption>
      <Explain id="data-scatter" />
    </figure>
  );
}

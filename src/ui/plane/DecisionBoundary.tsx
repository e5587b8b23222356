/** The live decision boundary of a DARTS run on 2D data: the supernet's and the current derived cell's predicted class over a grid, the run's points on top. */
import { hasAlphas } from '../../core/strategy/capabilities';
import { useMemo } from 'react';
import { boundarySummary, gridAgreement } from '../../charts/plane-data';
import { createPlaneView, type PlaneData } from '../../charts/plane-view';
import { boundaryInterval, BOUNDARY_GRID } from '../../core/run/boundary';
import type { BoundaryFrame, GridPrediction } from '../../core/run/boundary';
import { datasetInput } from '../../core/data/load';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from '../views/ChartHost';
import { specPoints } from './plane-splits';

/** One heatmap of `frame` with the run's points. */
function planeOf(
  frame: BoundaryFrame,
  prediction: GridPrediction,
  points: PlaneData['points'],
  classes: number,
): PlaneData {
  return {
    points,
    heatmap: { size: frame.size, domain: frame.domain, prediction, classes },
  };
}

/** Both heatmaps of the latest frame; nothing before the first frame or for runs without one. */
export function DecisionBoundary() {
  const frame = useStudio((s) => s.run.boundary);
  const spec = useStudio((s) => s.run.spec);
  const points = useMemo(() => {
    const p = spec === null ? null : specPoints(spec.dataset, spec.seed);
    return Array.isArray(p) ? p : [];
  }, [spec]);
  const classes = spec === null ? 2 : datasetInput(spec.dataset).classes;
  const views = useMemo(
    () =>
      frame === null
        ? null
        : {
            supernet: planeOf(frame, frame.supernet, points, classes),
            derived: planeOf(frame, frame.derived, points, classes),
          },
    [frame, points, classes],
  );
  if (frame === null || views === null || spec === null) return null;
  const every = hasAlphas(spec.strategy) ? boundaryInterval(spec.strategy.epochs) : 1;
  const score = (p: GridPrediction): string => {
    if (points.length === 0) return '';
    const { agree, total } = gridAgreement(points, { ...frame, classes: p.classes });
    return ` · ${Math.round((100 * agree) / total)}% of points on their side`;
  };
  return (
    <section className="card live-card decision-boundary" data-testid="decision-boundary">
      <h3>Decision boundary</h3>
      <Explain id="decision-boundary" />
      <p className="muted">
        After epoch {frame.epoch} (step {frame.step}): the predicted class over a {BOUNDARY_GRID} ×{' '}
        {BOUNDARY_GRID} grid, paler where the model is less sure; recomputed after the first epoch,
        every {every} epoch{every === 1 ? '' : 's'} and the last.
      </p>
      <div className="plane-pair">
        <figure className="plane-figure">
          <figcaption>Supernet (every op mixed by softmax(α)){score(frame.supernet)}</figcaption>
          <ChartHost
            create={createPlaneView}
            data={views.supernet}
            testId="boundary-supernet"
            className="plane-host"
            label="Decision boundary of the supernet"
            summary={boundarySummary(points, { ...frame, ...frame.supernet }, classes)}
            exportName="boundary-supernet"
          />
        </figure>
        <figure className="plane-figure">
          <figcaption>Derived cell (argmax α, inherited weights){score(frame.derived)}</figcaption>
          <ChartHost
            create={createPlaneView}
            data={views.derived}
            testId="boundary-derived"
            className="plane-host"
            label="Decision boundary of the derived cell"
            summary={boundarySummary(points, { ...frame, ...frame.derived }, classes)}
            exportName="boundary-derived"
          />
        </figure>
      </div>
    </section>
  );
}

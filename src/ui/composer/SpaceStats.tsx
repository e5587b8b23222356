/** Live and exact: the number of architectures, the supernet's params and FLOPs, and the subnet range. */
import type { SpaceFigures } from '../../store/composer-figures';
import { Explain } from '../explain/Explain';
import { groupDigits, scientific, shortCount } from './format';

/** An exact count with its short form beside it. */
function Count({ n }: { readonly n: number }) {
  return (
    <>
      <span className="num-exact">{groupDigits(n)}</span>{' '}
      <span className="muted">({shortCount(n)})</span>
    </>
  );
}

/** The figures panel of the composer. */
export function SpaceStats({ figures }: { readonly figures: SpaceFigures }) {
  const sci = scientific(figures.size);
  const { cost } = figures;
  return (
    <section className="composer-box" aria-label="Space size and cost">
      <h4>Size and cost</h4>
      <Explain id="space-size" />
      <dl className="stats">
        <dt>Architectures</dt>
        <dd data-testid="space-size">
          <span className="num-exact big">{groupDigits(figures.size)}</span>
          {sci ? <span className="muted"> ≈ {sci}</span> : null}
          {figures.cells ? (
            <div className="muted small">
              normal {scientific(figures.cells.normal) ?? groupDigits(figures.cells.normal)} ×
              reduction {scientific(figures.cells.reduce) ?? groupDigits(figures.cells.reduce)}
            </div>
          ) : null}
        </dd>
        <dt title="Every candidate op of every edge, BatchNorm without affine, as the search trains it">
          Supernet params
        </dt>
        <dd data-testid="supernet-params">{cost ? <Count n={cost.supernet.params} /> : '—'}</dd>
        <dt title="Multiply-accumulates per example">Supernet FLOPs</dt>
        <dd data-testid="supernet-flops">{cost ? <Count n={cost.supernet.flops} /> : '—'}</dd>
      </dl>
      <div data-testid="subnet-range">
        {cost ? (
          <table className="range-table">
            <caption>Subnets (one op per kept edge, stand-alone)</caption>
            <thead>
              <tr>
                <th />
                <th>smallest</th>
                <th>largest</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">params</th>
                <td className="num">{groupDigits(cost.range.params.min)}</td>
                <td className="num">{groupDigits(cost.range.params.max)}</td>
              </tr>
              <tr>
                <th scope="row">FLOPs</th>
                <td className="num">{groupDigits(cost.range.flops.min)}</td>
                <td className="num">{groupDigits(cost.range.flops.max)}</td>
              </tr>
            </tbody>
          </table>
        ) : (
          <p className="muted small">{figures.costBlocked}</p>
        )}
      </div>
    </section>
  );
}

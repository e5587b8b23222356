/** Upper bounds on the searched subnets (params, FLOPs, measured latency), with the space's subnet range beside them. */
import { useMemo } from 'react';
import type { CostBounds } from '../../core/cost/network-cost';
import type { ConstraintsSpec } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { useStudio } from '../studio';
import { groupDigits } from '../composer/format';
import { OptionalNumberField } from './OptionalNumberField';
import { CONSTRAINT_INFO } from './strategy-info';
import { subnetBounds } from './subnet-bounds';

/** What the space offers for one measure, and a warning when a valid bound leaves no subnet. */
function RangeNote({
  bounds,
  value,
  invalid,
}: {
  readonly bounds: CostBounds;
  readonly value: number | null;
  readonly invalid: boolean;
}) {
  const none = !invalid && value !== null && Number.isFinite(value) && value < bounds.min;
  return (
    <>
      Subnets of this space: {groupDigits(bounds.min)} to {groupDigits(bounds.max)}.
      {none ? <strong> No subnet is that small, so the search would find nothing.</strong> : null}
    </>
  );
}

/** The bounds in form order: field, test id, and the subnet range shown beside it (none for latency, which is measured when the search starts). */
const FIELDS: readonly {
  readonly name: keyof ConstraintsSpec;
  readonly testId: string;
  readonly range: 'params' | 'flops' | null;
}[] = [
  { name: 'maxParams', testId: 'max-params', range: 'params' },
  { name: 'maxFlops', testId: 'max-flops', range: 'flops' },
  { name: 'maxLatencyMs', testId: 'max-latency', range: null },
];

/** The constraints of SPOS and multi-trial searches. */
export function ConstraintsFieldset({
  constraints,
  problems,
}: {
  readonly constraints: ConstraintsSpec;
  readonly problems: FormProblems;
}) {
  const space = useStudio((s) => s.spec.space);
  const dataset = useStudio((s) => s.spec.dataset);
  const setConstraint = useStudio((s) => s.setConstraint);
  const bounds = useMemo(() => subnetBounds(space, dataset), [space, dataset]);
  const general = problems.byField.get('constraints');
  return (
    <fieldset className="form-subsection" data-testid="constraints">
      <legend>Constraints</legend>
      <p className="field-help">
        Subnets over a bound are never evaluated or reported.
        {bounds.ok ? null : ` ${bounds.reason}`}
      </p>
      {general ? (
        <span className="field-error" data-testid="field-error-constraints" role="alert">
          {general.map((p) => p.message).join(' ')}
        </span>
      ) : null}
      {FIELDS.map(({ name, testId, range }) => (
        <OptionalNumberField
          key={name}
          name={name}
          path={`strategy.constraints.${name}`}
          testId={testId}
          info={CONSTRAINT_INFO[name]}
          value={constraints[name]}
          problems={problems.byField.get(name)}
          onCommit={(v) => setConstraint(name, v)}
          note={
            bounds.ok && range !== null ? (
              <RangeNote
                bounds={bounds.range[range]}
                value={constraints[name]}
                invalid={problems.byField.has(name)}
              />
            ) : null
          }
        />
      ))}
    </fieldset>
  );
}

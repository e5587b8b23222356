/** The latency-aware loss of a differentiable search: its form, target latency and the form's coefficients. */
import type { LatencyLossSpec } from '../../core/latency-loss/spec';
import {
  LATENCY_FORM_LABELS,
  LATENCY_FORMS,
  withLatencyForm,
  type LatencyForm,
} from '../../core/latency-loss/spec';
import type { FormProblems } from '../../store/form-problems';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import type { FieldInfo } from './fields';
import { NumberField } from './NumberField';

/** What each form adds to the alpha loss, in one line. */
const FORM_HELP: Readonly<Record<LatencyForm, string>> = {
  off: 'The alphas follow the validation loss alone.',
  'mul#log':
    'ProxylessNAS: CE · α · (log E[LAT] / log T)^β, with E[LAT] the expected latency of the supernet from this device’s lookup table (measured when the run starts).',
  'add#linear': 'ProxylessNAS: CE + λ · (E[LAT] − T) / T.',
  fbnet: 'FBNet: CE · α · (log E[LAT])^β (no target; the target is drawn beside E[LAT]).',
};

/** The numeric fields, with their labels and help. */
const FIELDS: Readonly<Record<'targetMs' | 'alpha' | 'beta' | 'lambda', FieldInfo>> = {
  targetMs: {
    label: 'Target latency (ms)',
    help: 'ms per example on this device’s latency table (the latency card shows its scale after a run).',
  },
  alpha: { label: 'Latency scale α', help: 'Paper default 0.2.' },
  beta: { label: 'Latency exponent β', help: 'Paper default: 0.3 (mul#log), 0.6 (FBNet).' },
  lambda: { label: 'Latency weight λ', help: 'Paper default 0.1.' },
};

/** The form select and, when the loss is on, its target and coefficients. */
export function LatencyLossFieldset({
  latency,
  problems,
}: {
  readonly latency: LatencyLossSpec;
  readonly problems: FormProblems;
}) {
  const setLatency = useStudio((s) => s.setLatencyLoss);
  const numbers: readonly ('targetMs' | 'alpha' | 'beta' | 'lambda')[] =
    latency.form === 'off'
      ? []
      : latency.form === 'add#linear'
        ? ['targetMs', 'lambda']
        : ['targetMs', 'alpha', 'beta'];
  return (
    <fieldset className="form-subsection" data-testid="latency-loss">
      <legend>Latency-aware loss</legend>
      <ChoiceField
        name="latency.form"
        testId="latency-form-select"
        label="Latency loss"
        value={latency.form}
        options={LATENCY_FORMS.map((f) => [f, LATENCY_FORM_LABELS[f]] as const)}
        help={FORM_HELP[latency.form]}
        problems={problems.byField.get('latency.form')}
        onChange={(v) => {
          const form = LATENCY_FORMS.find((f) => f === v) ?? 'off';
          setLatency((l) => withLatencyForm(l, form));
        }}
      />
      {numbers.map((field) => (
        <NumberField
          key={field}
          name={`latency-${field}`}
          path={`strategy.latency.${field}`}
          info={FIELDS[field]}
          value={latency[field]}
          problems={problems.byField.get(`latency.${field}`)}
          onCommit={(v) => setLatency((l) => ({ ...l, [field]: v }))}
        />
      ))}
    </fieldset>
  );
}

/** Zero-cost search: the proxy, how many architectures are scored and trained, and the trained ones' budget. */
import type { ZeroCostStrategySpec } from '../../core/experiment/spec';
import { PROXY_NAMES, type ProxyName } from '../../core/proxies/names';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { StrategyFields } from './StrategyFields';

/** What each proxy measures, in one line (the select's help). */
export const PROXY_HELP: Readonly<Record<ProxyName, string>> = {
  synflow:
    'Synaptic flow: Σ|θ·∂R/∂θ| with absolute weights and an all-ones input; needs no data or labels.',
  snip: 'SNIP: Σ|θ·∂L/∂θ| on one labelled mini-batch, how much the loss leans on each weight.',
  grad_norm: 'The norm of the loss gradient, layer by layer, on one mini-batch.',
  grasp: 'GraSP: −Σ θ·(Hg), whether pruning would keep gradient flow (a double backward pass).',
  fisher: 'Fisher: per channel, the squared activation-times-gradient, averaged over the batch.',
  jacob_cov:
    'How decorrelated the input gradients of different examples are (needs many input features).',
  naswot: 'NASWOT: log-determinant of the kernel of binary ReLU codes; needs no labels.',
};

/** The zero-cost fields: the proxy, the counts, then the top-k's training budget. */
export function ZeroCostSection({
  strategy,
  problems,
}: {
  readonly strategy: ZeroCostStrategySpec;
  readonly problems: FormProblems;
}) {
  const setProxy = useStudio((s) => s.setProxy);
  const layout = strategyLayout(strategy);
  return (
    <>
      <ChoiceField<ProxyName>
        name="proxy"
        testId="proxy-select"
        label="Proxy"
        value={strategy.proxy}
        options={PROXY_NAMES.map((p) => [p, p] as const)}
        help={PROXY_HELP[strategy.proxy]}
        problems={problems.byField.get('proxy')}
        onChange={setProxy}
      />
      <StrategyFields strategy={strategy} fields={layout.search} problems={problems} />
      <h4 className="form-subhead">Training of each top-k architecture</h4>
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
    </>
  );
}

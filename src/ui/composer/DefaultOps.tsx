/** The space-wide default op set: the candidate ops every newly drawn edge starts with. */
import { OPS, type OpName } from '../../core/search-space/ops';
import { useStudio } from '../studio';

/** A chip per op of the domain; ticked ops go on new edges. */
export function DefaultOps({ available }: { readonly available: readonly OpName[] }) {
  const defaults = useStudio((s) => s.defaultOps);
  const toggle = useStudio((s) => s.toggleDefaultOp);
  return (
    <section className="composer-box" aria-label="Default ops for new edges">
      <h4>Ops for new edges</h4>
      <div className="op-chips">
        {available.map((op) => (
          <label key={op} className="op-chip" title={OPS[op].description}>
            <input
              type="checkbox"
              data-testid={`default-op-${op}`}
              checked={defaults.includes(op)}
              onChange={() => toggle(op)}
            />
            {OPS[op].label}
          </label>
        ))}
      </div>
      <p className="hint">
        {defaults.length === 0
          ? 'Tick at least one op before drawing an edge.'
          : `${defaults.length} op${defaults.length === 1 ? '' : 's'}; click an edge to change its own ops.`}
      </p>
    </section>
  );
}

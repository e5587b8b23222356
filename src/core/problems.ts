/** Problems found by validation: plain data the UI shows beside the offending field and the CLI prints. */

/**
 * One problem with a spec. `path` names the field from the experiment root ('strategy.weightLr',
 * 'space.normal.edges.e3', 'dataset.noise'); `message` is a full plain sentence naming the value and
 * the allowed range; `code` is a stable machine-readable kind ('cycle', 'out-of-range', ...).
 */
export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** Prefixes every problem's path with `prefix` (joined by a dot), for validators nested in a larger spec. */
export function withPathPrefix(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path === '' ? prefix : `${prefix}.${p.path}` }));
}

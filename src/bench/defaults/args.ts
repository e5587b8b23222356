/** The defaults bench's command line. */
import type { ComboFilter } from './combos';
import { parseOverride, type SpecOverride } from './overrides';

/** Everything `npm run bench:defaults` can be told. */
export interface BenchArgs {
  readonly filter: ComboFilter;
  readonly seed: number | null;
  readonly overrides: readonly SpecOverride[];
  readonly reference: boolean;
  /** Where the JSON record goes, relative to the repository root. */
  readonly out: string;
}

/** The usage line. */
export const BENCH_USAGE =
  'npm run bench:defaults -- [--only word,...] [--space p,...] [--dataset d,...] [--strategy s,...] [--seed N] [--set path=value]... [--no-reference] [--out file.json]';

/** The default JSON record. */
export const DEFAULT_OUT = 'bench-results/defaults.json';

/** Comma-separated words, none empty. */
const words = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);

/** Parses argv (after the script name); unknown options and missing values are problems. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | { readonly problem: string } {
  const lists: Record<'only' | 'space' | 'dataset' | 'strategy', string[]> = {
    only: [],
    space: [],
    dataset: [],
    strategy: [],
  };
  const overrides: SpecOverride[] = [];
  let seed: number | null = null;
  let reference = true;
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : null;
    if (name === null) return { problem: `Unexpected argument "${arg}".` };
    if (name === 'no-reference') {
      reference = false;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { problem: `--${name} needs a value.` };
    if (name === 'only' || name === 'space' || name === 'dataset' || name === 'strategy')
      lists[name].push(...words(value));
    else if (name === 'seed') {
      if (!/^\d+$/.test(value))
        return { problem: `--seed must be a whole number (got "${value}").` };
      seed = Number(value);
    } else if (name === 'set') {
      const o = parseOverride(value);
      if ('problem' in o) return o;
      overrides.push(o);
    } else if (name === 'out') out = value;
    else return { problem: `Unknown option --${name}.` };
  }
  return {
    filter: {
      only: lists.only,
      presets: lists.space,
      datasets: lists.dataset,
      strategies: lists.strategy,
    },
    seed,
    overrides,
    reference,
    out,
  };
}

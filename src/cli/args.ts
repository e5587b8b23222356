/** A small argv parser: a command, positionals, `--name value`, `--name=value` and bare flags. */

/** Parsed command line: the first positional is the command. */
export interface ParsedArgs {
  readonly command: string | null;
  readonly positionals: readonly string[];
  /** Option values by name (without dashes); bare flags are `true`. */
  readonly options: ReadonlyMap<string, string | true>;
}

/** Options that never take a value, so `--help size` (or `--rgb --out x`) reads as a flag and what follows. */
const FLAGS = new Set(['help', 'h', 'rgb', 'no-standardize', 'all']);

/** Parses argv (without the node and script entries). `-h` is `--help`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h') {
      options.set('help', true);
    } else if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const next = argv[i + 1];
      if (eq >= 0) options.set(name, arg.slice(eq + 1));
      else if (!FLAGS.has(name) && next !== undefined && !next.startsWith('--')) {
        options.set(name, next);
        i += 1;
      } else options.set(name === 'h' ? 'help' : name, true);
    } else {
      positionals.push(arg);
    }
  }
  return { command: positionals[0] ?? null, positionals: positionals.slice(1), options };
}

/** An option's string value, or null when it is absent or given as a bare flag. */
export function optionValue(args: ParsedArgs, name: string): string | null {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : null;
}

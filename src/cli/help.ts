/** Help text of the command line: the command list and each command's usage, options, examples and exit codes, wrapped to fit 100 columns. */

/** Columns the help text fits in. */
export const HELP_WIDTH = 100;

/** What a command says about itself in --help. */
export interface CommandHelp {
  /** One line: what the command does. */
  readonly summary: string;
  /** The synopsis after `npm run cli -- `. */
  readonly usage: string;
  /** Each option as [flag with its value, what it does]. */
  readonly options: readonly (readonly [string, string])[];
  /** Whole command lines that work as written from the repository root. */
  readonly examples: readonly string[];
}

/** The exit codes every command uses. */
export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, 'done'],
  [
    1,
    'the work itself failed or was stopped (a run that failed, an estimate that could not be made)',
  ],
  [
    2,
    'bad usage or input: an unknown option, a bad value, an unreadable spec, link or file, an unreachable queue',
  ],
];

/**
 * Breaks `text` into lines of at most `width` columns at spaces; every line but the first starts
 * with `indent`. A word longer than a line stays whole on its own line.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const lead = lines.length === 0 ? '' : indent;
    if (line === '') line = lead + word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = indent + word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Two columns: `left` padded to `leftWidth`, `right` wrapped beside it (below it when `left` is too wide). */
function columns(left: string, right: string, leftWidth: number, width: number): string[] {
  const pad = ' '.repeat(leftWidth);
  const body = wrap(right, width - leftWidth);
  if (left.length > leftWidth - 2) return [left, ...body.map((l) => pad + l)];
  const [first = '', ...rest] = body;
  return [left.padEnd(leftWidth) + first, ...rest.map((l) => pad + l)];
}

/** The exit-code lines shared by both help texts. */
function exitCodeLines(): string[] {
  return [
    'Exit codes:',
    ...EXIT_CODES.flatMap(([code, text]) => columns(`  ${code}`, text, 6, HELP_WIDTH)),
  ];
}

/** The top-level help: usage, every command with its summary, where to read more, and the exit codes. */
export function commandListHelp(commands: Readonly<Record<string, CommandHelp>>): string[] {
  const names = Object.keys(commands);
  const nameWidth = Math.max(...names.map((n) => n.length)) + 4;
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...names.flatMap((n) => columns(`  ${n}`, commands[n]?.summary ?? '', nameWidth, HELP_WIDTH)),
    '',
    'Run `npm run cli -- <command> --help` for its options and examples.',
    'A spec file holds an experiment spec as the studio exports it, or a bare search space.',
    '',
    ...exitCodeLines(),
  ];
}

/** One command's help: its usage, summary, options, examples and the exit codes. */
export function commandHelp(help: CommandHelp): string[] {
  const flagWidth = Math.min(30, Math.max(...help.options.map(([f]) => f.length)) + 6);
  return [
    ...wrap(`Usage: npm run cli -- ${help.usage}`, HELP_WIDTH, '         '),
    '',
    ...wrap(help.summary, HELP_WIDTH),
    ...(help.options.length === 0
      ? []
      : [
          '',
          'Options:',
          ...help.options.flatMap(([flag, text]) =>
            columns(`  ${flag}`, text, flagWidth, HELP_WIDTH),
          ),
        ]),
    '',
    'Examples:',
    ...help.examples.flatMap((e) =>
      wrap(`npm run cli -- ${e}`, HELP_WIDTH - 2, '    ').map((l) => `  ${l}`),
    ),
    '',
    ...exitCodeLines(),
  ];
}

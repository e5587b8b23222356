/** `size --space <preset | file.json>`: prints the exact number of architectures in a search space. */
import { formatSize, spaceSize } from '../../core/search-space/size';
import { optionValue, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { loadSpaceSource } from '../spec-source';
import type { CommandHelp } from '../help';

/** The command's help. */
export const SIZE_HELP: CommandHelp = {
  summary: 'Print the exact number of architectures in a search space.',
  usage: 'size --space <nb201 | darts | teaching | path/to/spec.json>',
  options: [
    [
      '--space <preset | file>',
      'A built-in preset, or a JSON file holding an experiment spec or a bare search space (as the studio exports it).',
    ],
  ],
  examples: ['size --space nb201', 'size --space darts', 'size --space my-experiment.json'],
};

/**
 * Prints one line: the count, followed by " (≈1.08e+18)" when it exceeds a million. Exit codes: 0
 * printed; 2 bad input (missing option, unknown preset, unreadable or invalid file: each problem is
 * printed to stderr).
 */
export async function runSize(args: ParsedArgs, io: CliIo): Promise<number> {
  const arg = optionValue(args, 'space');
  if (arg === null) {
    io.err(`The size command needs --space. Usage: ${SIZE_HELP.usage}`);
    return 2;
  }
  const source = await loadSpaceSource(arg, io.cwd ?? process.cwd());
  if (!source.ok) {
    if (source.error) io.err(source.error);
    for (const p of source.problems)
      io.err(p.path ? `  ${p.path}: ${p.message}` : `  ${p.message}`);
    return 2;
  }
  io.out(formatSize(spaceSize(source.space)));
  return 0;
}

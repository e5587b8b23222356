/** Routes argv to a command; prints usage for --help, no command or an unknown one. */
import { parseArgs } from './args';
import { COMMANDS } from './commands';
import type { CliIo } from './io';

/** The usage text listing every command. */
export function usage(): string[] {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'A spec file holds an experiment spec as the studio exports it, or a bare search space.',
  ];
}

/** Runs the command named in `argv`; resolves with the process exit code (0 ok, 2 bad usage or input). */
export async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const command = args.command === null ? undefined : COMMANDS[args.command];
  if (args.options.has('help')) {
    if (command) io.out(`Usage: npm run cli -- ${command.usage}`);
    else usage().forEach((l) => io.out(l));
    return 0;
  }
  if (!command) {
    if (args.command !== null) io.err(`Unknown command "${args.command}".`);
    usage().forEach((l) => io.err(l));
    return 2;
  }
  return command.run(args, io);
}

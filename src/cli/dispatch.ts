/** Routes argv to a command; prints the command list or a command's help for --help, no command or an unknown one. */
import { parseArgs } from './args';
import { COMMANDS } from './commands';
import { commandHelp, commandListHelp } from './help';
import type { CliIo } from './io';

/** The help listing every command. */
export function usage(): string[] {
  return commandListHelp(COMMANDS);
}

/** Runs the command named in `argv`; resolves with the process exit code (0 done, 1 the work failed, 2 bad usage or input). */
export async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const command = args.command === null ? undefined : COMMANDS[args.command];
  if (args.options.has('help')) {
    (command ? commandHelp(command) : usage()).forEach((l) => io.out(l));
    return 0;
  }
  if (!command) {
    if (args.command !== null) io.err(`Unknown command "${args.command}".`);
    usage().forEach((l) => io.err(l));
    return 2;
  }
  return command.run(args, io);
}

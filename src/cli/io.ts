/** Where CLI commands write: one line at a time to stdout or stderr, so tests can capture both. */

/** Output channels of a command, and the directory relative paths resolve against. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Directory for relative file paths; defaults to the process's working directory. */
  readonly cwd?: string;
}

/** The real process streams; relative paths resolve against the directory `npm run` was called from. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
};

/** An io that records lines, for tests. */
export function memoryIo(
  cwd?: string,
): CliIo & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    ...(cwd === undefined ? {} : { cwd }),
  };
}

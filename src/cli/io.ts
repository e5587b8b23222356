/** Where CLI commands write: one line at a time to stdout or stderr, so tests can capture both. */

/** Output channels of a command, and the directory relative paths resolve against. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Directory for relative file paths; defaults to the process's working directory. */
  readonly cwd?: string;
  /**
   * Only when stderr is a terminal: draws `line` in place on the last line of stderr (null clears
   * it), for a progress bar; its columns are `columns`. Piped output has no live line.
   */
  readonly live?: { draw(line: string | null): void; readonly columns: number };
}

/** Carriage return and erase-line: the live line is redrawn over itself. */
const CLEAR_LINE = '\r\x1b[2K';

/** The real process streams; relative paths resolve against the directory `npm run` was called from. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  ...(process.stderr.isTTY
    ? {
        live: {
          draw: (line: string | null) => process.stderr.write(`${CLEAR_LINE}${line ?? ''}`),
          columns: Math.max(40, (process.stderr.columns || 100) - 1),
        },
      }
    : {}),
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

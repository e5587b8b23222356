/** The CLI's command table: each command's help and its runner. Add a command by adding an entry. */
import type { ParsedArgs } from '../args';
import type { CommandHelp } from '../help';
import type { CliIo } from '../io';
import { COST_HELP, runCost } from './cost';
import { ESTIMATE_HELP, runEstimate } from './estimate';
import { EXPORT_HELP, runExport } from './export';
import { PROXIES_HELP, runProxies } from './proxies';
import { RUN_HELP, runRun } from './run';
import { runSearch, SEARCH_HELP } from './search';
import { runSize, SIZE_HELP } from './size';
import { runWorker, WORKER_HELP } from './worker';

/** One command: its help (summary, usage, options, examples) and a runner that returns the exit code. */
export interface CliCommand extends CommandHelp {
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Every command by name. */
export const COMMANDS: Record<string, CliCommand> = {
  size: { ...SIZE_HELP, run: runSize },
  cost: { ...COST_HELP, run: runCost },
  export: { ...EXPORT_HELP, run: runExport },
  run: { ...RUN_HELP, run: runRun },
  estimate: { ...ESTIMATE_HELP, run: runEstimate },
  search: { ...SEARCH_HELP, run: runSearch },
  worker: { ...WORKER_HELP, run: runWorker },
  proxies: { ...PROXIES_HELP, run: runProxies },
};

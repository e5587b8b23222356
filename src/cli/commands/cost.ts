/**
 * `cost --space <network> --genotype <name | string> [--dataset <id>] [--cells N] [--channels C]`:
 * prints one JSON line `{"params": <int>, "flops": <int>}` for a genotype in a reference network,
 * priced by core's subnetCost (trainable params with BatchNorm scale and shift; multiply-accumulates
 * of convolutions and linear layers per example).
 */
import { subnetCost } from '../../core/cost/network-cost';
import { parseGenotype } from '../../core/search-space/genotype-parse';
import {
  datasetFits,
  isReferenceNetworkName,
  REFERENCE_DATASET_IDS,
  REFERENCE_DATASETS,
  REFERENCE_NETWORK_NAMES,
  referenceNetwork,
  resizeNetwork,
} from '../../core/search-space/reference-networks';
import { optionValue, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import type { CommandHelp } from '../help';

/** The command's help. */
export const COST_HELP: CommandHelp = {
  summary: 'Print {"params", "flops"} of a genotype in a reference network, as one JSON line.',
  usage: `cost --space <${REFERENCE_NETWORK_NAMES.join(' | ')}> --genotype <DARTS_V1 | DARTS_V2 | Genotype(...) | |op~0|+...> [--dataset <${REFERENCE_DATASET_IDS.join(' | ')}>] [--cells N] [--channels C]`,
  options: [
    [
      '--space <network>',
      `The reference network the genotype fills: ${REFERENCE_NETWORK_NAMES.join(', ')}.`,
    ],
    [
      '--genotype <genotype>',
      'DARTS_V1, DARTS_V2, a DARTS Genotype(...) string or a NAS-Bench-201 string |op~0|+...',
    ],
    ['--dataset <id>', "Input shape and class count (default: the network's own)."],
    [
      '--cells N',
      'Total cells (DARTS: reductions at N/3 and 2N/3, so N = 3k + 2; NAS-Bench-201: 3 x cells per stage).',
    ],
    ['--channels C', 'Initial channels.'],
  ],
  examples: [
    'cost --space darts-cifar10 --genotype DARTS_V2',
    "cost --space nb201-cifar10 --genotype '|nor_conv_3x3~0|+|skip_connect~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|'",
  ],
};

/** Option names the command takes. */
const OPTIONS = ['space', 'genotype', 'dataset', 'cells', 'channels'] as const;

/** A whole number from option text, or undefined when the option is absent; null when it is not one. */
function wholeNumber(text: string | null): number | undefined | null {
  if (text === null) return undefined;
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Checks the command line; returns the problem to print, or null when the options can be used. */
function checkOptions(args: ParsedArgs): string | null {
  const unknown = [...args.options.keys()].filter(
    (k) => !(OPTIONS as readonly string[]).includes(k),
  );
  if (unknown.length > 0)
    return `Unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `--${k}`).join(', ')}.`;
  if (args.positionals.length > 0) return `Unexpected argument "${args.positionals[0]}".`;
  for (const name of OPTIONS) {
    if (args.options.get(name) === true) return `--${name} needs a value.`;
  }
  for (const name of ['space', 'genotype'] as const) {
    if (optionValue(args, name) === null) return `The cost command needs --${name}.`;
  }
  return null;
}

/**
 * Prints the params and FLOPs of `--genotype` in the `--space` network. `--cells N` is the total
 * number of cells the genotype fills (DARTS: reductions at N/3 and 2N/3, so N = 3k + 2; NB201: N =
 * 3 x cells per stage), `--channels C` the initial channels, `--dataset` the input shape and class
 * count (default: the network's own). Exit codes: 0 printed; 2 bad input, explained on stderr.
 */
export async function runCost(args: ParsedArgs, io: CliIo): Promise<number> {
  const refuse = (message: string, withUsage = false): number => {
    io.err(message);
    if (withUsage) io.err(`Usage: npm run cli -- ${COST_HELP.usage}`);
    return 2;
  };
  const problem = checkOptions(args);
  if (problem !== null) return refuse(problem, true);
  const name = optionValue(args, 'space') ?? '';
  if (!isReferenceNetworkName(name))
    return refuse(
      `Unknown network "${name}"; known networks are ${REFERENCE_NETWORK_NAMES.join(', ')}.`,
    );
  const network = referenceNetwork(name);
  const datasetId = optionValue(args, 'dataset') ?? network.dataset;
  const dataset = REFERENCE_DATASETS[datasetId];
  if (dataset === undefined)
    return refuse(
      `Unknown dataset "${datasetId}"; known datasets are ${REFERENCE_DATASET_IDS.join(', ')}.`,
    );
  if (!datasetFits(network.space, dataset)) {
    const wants = network.space.macro.reduction === 'none' ? '2D points' : 'images';
    return refuse(`The ${name} network takes ${wants}; ${datasetId} does not provide them.`);
  }
  const cells = wholeNumber(optionValue(args, 'cells'));
  const channels = wholeNumber(optionValue(args, 'channels'));
  if (cells === null)
    return refuse(`--cells must be a whole number (got "${optionValue(args, 'cells')}").`);
  if (channels === null)
    return refuse(`--channels must be a whole number (got "${optionValue(args, 'channels')}").`);
  const resized = resizeNetwork(network.space.macro, {
    ...(cells === undefined ? {} : { cells }),
    ...(channels === undefined ? {} : { channels }),
  });
  if (!resized.ok) return refuse(resized.error);
  const space = { ...network.space, macro: resized.macro };
  const genotype = parseGenotype(space, optionValue(args, 'genotype') ?? '');
  if (!genotype.ok)
    return refuse(`The genotype does not fit the ${name} network: ${genotype.error}`);
  try {
    const cost = subnetCost(space, genotype.value, dataset.input, dataset.classes);
    io.out(`{"params": ${cost.params}, "flops": ${cost.flops}}`);
    return 0;
  } catch (e) {
    return refuse(
      `Cannot build the ${name} network on ${datasetId}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

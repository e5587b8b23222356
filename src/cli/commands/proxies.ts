/**
 * `proxies --space <preset | spec.json> --dataset <id> --proxy <name | all> [--genotype <string> |
 * --sample N | --all] [--seed N] [--batch N] [--backend wasm|cpu]`: scores architectures with the
 * zero-cost proxies at a seeded initialisation on one mini-batch, one JSON line per architecture.
 */
import { infinityAsText } from '../../core/export/run-file';
import { loadDataset } from '../../core/data/load';
import { isProxyName, PROXY_NAMES, type ProxyName } from '../../core/proxies/names';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import { PRESET_NAMES } from '../../core/search-space/presets';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { optionValue, type ParsedArgs } from '../args';
import type { CommandHelp } from '../help';
import type { CliIo } from '../io';
import { architectures, resolveSpace, type ArchitectureRequest } from '../proxy-source';

/** The command's help. */
export const PROXIES_HELP: CommandHelp = {
  summary:
    'Score architectures with zero-cost proxies (no training): one JSON line per architecture with its genotype, params, FLOPs and proxy scores.',
  usage: `proxies --space <${PRESET_NAMES.join(' | ')} | spec.json> --dataset <id> --proxy <${PROXY_NAMES.join(' | ')} | all | a,b,...> (--genotype <string> | --sample N | --all) [--seed N] [--batch N] [--backend wasm|cpu]`,
  options: [
    [
      '--space <preset | file>',
      `A built-in space (${PRESET_NAMES.join(', ')}, with the studio's browser skeleton) or a JSON file holding an experiment spec or a bare search space.`,
    ],
    [
      '--dataset <id>',
      "mnist for image spaces; spiral, circles, xor or gaussian for the teaching space (default: the preset's first, or the spec's own).",
    ],
    ['--proxy <name>', `One of ${PROXY_NAMES.join(', ')}, a comma-separated list, or all.`],
    ['--genotype <string>', 'One architecture: a NAS-Bench-201 string or a DARTS Genotype(...).'],
    ['--sample N', 'N distinct architectures drawn uniformly (seeded by --seed).'],
    ['--all', 'Every architecture of the space (up to 20,000; NAS-Bench-201 has 15,625).'],
    ['--seed N', 'Seeds the initial weights, the mini-batch and --sample (default 1).'],
    ['--batch N', 'Examples in the mini-batch (default 64).'],
    ['--backend <wasm | cpu>', 'The tfjs backend in Node (default wasm).'],
  ],
  examples: [
    "proxies --space nb201 --dataset mnist --proxy all --genotype '|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|none~1|nor_conv_1x1~2|'",
    'proxies --space nb201 --dataset mnist --proxy synflow --all > nb201-synflow.jsonl',
    'proxies --space teaching --dataset spiral --proxy naswot,snip --sample 20 --seed 3',
  ],
};

const OPTIONS = [
  'space',
  'dataset',
  'proxy',
  'genotype',
  'sample',
  'all',
  'seed',
  'batch',
  'backend',
];

/** What the command line asks for, checked. */
interface ProxiesOptions {
  readonly space: string;
  readonly dataset: string | null;
  readonly proxies: readonly ProxyName[];
  readonly request: ArchitectureRequest;
  readonly seed: number;
  readonly batch: number;
  readonly backend: 'wasm' | 'cpu';
}

/** A whole number of at least `min` from option `name`, `fallback` when absent, or the problem. */
function whole(args: ParsedArgs, name: string, min: number, fallback: number): number | string {
  const text = optionValue(args, name);
  if (text === null) return fallback;
  const v = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(v) && v >= min
    ? v
    : `--${name} must be a whole number of at least ${min} (got "${text}").`;
}

/** The checked options, or the first problem with them. */
function readOptions(args: ParsedArgs): ProxiesOptions | string {
  const unknown = [...args.options.keys()].filter((k) => !OPTIONS.includes(k));
  if (unknown.length > 0) return `Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`;
  if (args.positionals.length > 0) return `Unexpected argument "${args.positionals[0]}".`;
  for (const name of OPTIONS)
    if (name !== 'all' && args.options.get(name) === true) return `--${name} needs a value.`;
  if (typeof args.options.get('all') === 'string') return '--all takes no value.';
  const space = optionValue(args, 'space');
  if (space === null) return 'The proxies command needs --space.';
  const proxyText = optionValue(args, 'proxy');
  if (proxyText === null)
    return `The proxies command needs --proxy (${PROXY_NAMES.join(', ')} or all).`;
  const names = proxyText === 'all' ? [...PROXY_NAMES] : proxyText.split(',').map((p) => p.trim());
  const bad = names.find((p) => !isProxyName(p));
  if (bad !== undefined)
    return `Unknown proxy "${bad}"; the proxies are ${PROXY_NAMES.join(', ')} (or all).`;
  const chosen = ['genotype', 'sample', 'all'].filter((k) => args.options.has(k));
  if (chosen.length !== 1)
    return 'Say which architectures to score with exactly one of --genotype <string>, --sample N or --all.';
  const seed = whole(args, 'seed', 0, 1);
  if (typeof seed === 'string') return seed;
  const batch = whole(args, 'batch', 2, 64);
  if (typeof batch === 'string') return batch;
  const backend = optionValue(args, 'backend') ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    return `--backend must be wasm or cpu (got "${backend}").`;
  let request: ArchitectureRequest;
  if (chosen[0] === 'genotype')
    request = { kind: 'genotype', text: optionValue(args, 'genotype') ?? '' };
  else if (chosen[0] === 'all') request = { kind: 'all' };
  else {
    const count = whole(args, 'sample', 1, 1);
    if (typeof count === 'string') return count;
    request = { kind: 'sample', count };
  }
  return {
    space,
    dataset: optionValue(args, 'dataset'),
    proxies: names.filter(isProxyName),
    request,
    seed,
    batch,
    backend,
  };
}

/** The genotype as text: the NAS-Bench-201 string where the space has one, else DARTS's Genotype(...). */
export function genotypeText(space: SearchSpaceSpec, genotype: Genotype): string {
  return formatNb201(space.normal, genotype.normal) ?? formatDartsGenotype(space, genotype);
}

/** A score for JSON: numbers as they are (±Infinity is written "Infinity" / "-Infinity", as run files do), NaN and a missing score as null. */
function jsonNumber(v: number | undefined): number | null {
  return v !== undefined && !Number.isNaN(v) ? v : null;
}

/**
 * Scores the architectures and prints one JSON line each to stdout, with progress on stderr.
 * Ctrl+C stops after the current architecture. Exit codes: 0 every architecture scored; 1
 * stopped or failed; 2 bad input, explained on stderr.
 */
export async function runProxies(args: ParsedArgs, io: CliIo): Promise<number> {
  const refuse = (message: string, withUsage = false): number => {
    io.err(message);
    if (withUsage) io.err(`Usage: npm run cli -- ${PROXIES_HELP.usage}`);
    return 2;
  };
  const o = readOptions(args);
  if (typeof o === 'string') return refuse(o, true);
  const source = await resolveSpace(o.space, o.dataset, io.cwd ?? process.cwd());
  if (!source.ok) return refuse(source.problem);
  const genotypes = architectures(source.space, o.request, o.seed);
  if (typeof genotypes === 'string') return refuse(genotypes);
  const { initNodeBackend } = await import('../../engine/node-backend');
  const { createProxyScorer } = await import('../../engine/proxies/scorer');
  const { readMnist } = await import('../headless');
  let stopped = false;
  const stop = (): void => {
    io.err('stopping after the current architecture…');
    stopped = true;
  };
  process.once('SIGINT', stop);
  let done = 0;
  try {
    await initNodeBackend(o.backend);
    const data = await loadDataset(source.dataset, o.seed, readMnist);
    const scorer = createProxyScorer(data, { seed: o.seed, batchSize: o.batch });
    io.err(
      `scoring ${genotypes.length} architecture${genotypes.length === 1 ? '' : 's'} with ${o.proxies.join(', ')} on ${source.dataset.id} (seed ${o.seed}, batch ${Math.min(o.batch, data.train.count)}, ${o.backend})`,
    );
    const started = Date.now();
    let lastLine = started;
    try {
      for (const genotype of genotypes) {
        if (stopped) break;
        const s = await scorer.score(source.space, genotype, o.proxies);
        const line: Record<string, string | number | null> = {
          genotype: genotypeText(source.space, genotype),
          params: s.params,
          flops: s.flops,
        };
        for (const p of o.proxies) line[p] = jsonNumber(s.proxies[p]);
        io.out(JSON.stringify(line, infinityAsText));
        done += 1;
        const now = Date.now();
        const rate = (done / Math.max(1, now - started)) * 1000;
        const text = `scored ${done}/${genotypes.length} (${rate.toFixed(1)} architectures/s)`;
        if (io.live) io.live.draw(text);
        else if (now - lastLine >= 2000 || done === genotypes.length) {
          io.err(text);
          lastLine = now;
        }
        // Let a Ctrl+C arrive between architectures.
        await new Promise<void>((r) => setImmediate(r));
      }
    } finally {
      scorer.dispose();
      io.live?.draw(null);
    }
  } catch (e) {
    io.err(`Scoring failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    process.off('SIGINT', stop);
  }
  if (done < genotypes.length) {
    io.err(`Stopped after ${done} of ${genotypes.length} architectures.`);
    return 1;
  }
  return 0;
}

/**
 * `export --format <json | genotype | nb201 | pytorch> --from <run JSON file | experiment link> [--out FILE]`:
 * writes a run file, the DARTS Genotype(...) string, the NAS-Bench-201 string or a PyTorch file of
 * the run's genotype, to stdout or to FILE.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { datasetInput } from '../../core/data/load';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { validateExperiment } from '../../core/experiment/validate';
import { pytorchSource } from '../../core/export/pytorch';
import { emptySeries } from '../../core/series/downsample';
import {
  parseRunFile,
  runFileOf,
  serializeRunFile,
  type RunFile,
} from '../../core/export/run-file';
import { decodeLink, isLinkHash } from '../../core/link';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import type { Genotype } from '../../core/search-space/types';
import { optionValue, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import type { CommandHelp } from '../help';

const FORMATS = ['json', 'genotype', 'nb201', 'pytorch'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** The command's help. */
export const EXPORT_HELP: CommandHelp = {
  summary: 'Export a run file, genotype string, NAS-Bench-201 string or PyTorch model of a run.',
  usage: `export --format <${FORMATS.join(' | ')}> --from <run JSON file | experiment link> [--out FILE]`,
  options: [
    [
      '--format <format>',
      'json: the run file; genotype: the DARTS Genotype(...) string; nb201: the NAS-Bench-201 string; pytorch: a PyTorch file of the network.',
    ],
    ['--from <file | link>', 'A run file the studio or `run` wrote, or an experiment link.'],
    ['--out FILE', 'Where to write (default: standard output).'],
  ],
  examples: [
    'export --format genotype --from run.json',
    'export --format pytorch --from run.json --out network.py',
  ],
};

const OPTIONS = ['format', 'from', 'out'] as const;

/** What the export works from: the run file (read, or made from a link's experiment) and the genotype when the run finished. */
interface ExportSource {
  readonly file: RunFile;
  readonly genotype: Genotype | null;
  readonly origin: 'file' | 'link';
}

/** Reads `--from`: an experiment link (a '#x=' hash or an address holding one), or a run JSON file. */
async function loadSource(from: string, cwd: string): Promise<ExportSource | string> {
  const hash = from.includes('#') ? from.slice(from.indexOf('#')) : from;
  if (isLinkHash(hash)) {
    const link = decodeLink(hash);
    if (!link.ok) return `The experiment link cannot be read: ${link.problems.join(' ')}`;
    const spec: ExperimentSpec = link.payload.spec;
    // A link may hold an experiment still being edited; only one that validates is exported.
    const problems = validateExperiment(spec);
    if (problems.length > 0)
      return `The experiment in the link does not validate yet: ${problems.map((p) => p.message).join(' ')}`;
    const summary = link.payload.summary ?? null;
    const file = runFileOf(
      {
        spec,
        status: summary ? 'finished' : 'idle',
        result: null,
        subnets: [],
        steps: emptySeries(),
        evals: emptySeries(),
      },
      { exportedAt: new Date().toISOString() },
    );
    return { file, genotype: summary?.genotype ?? null, origin: 'link' };
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, from), 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    return `Cannot read ${from}: ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}.`;
  }
  const read = parseRunFile(text);
  if (!read.ok) return `${from} is not a usable run file:\n  ${read.problems.join('\n  ')}`;
  return { file: read.run, genotype: read.run.result?.genotype ?? null, origin: 'file' };
}

/** The exported text, or the reason it cannot be made. */
function render(format: ExportFormat, src: ExportSource): { text: string } | { problem: string } {
  if (format === 'json') return { text: serializeRunFile(src.file) };
  const { space } = src.file.spec;
  if (src.genotype === null)
    return {
      problem:
        src.origin === 'link'
          ? 'The experiment link carries no finished run, so there is no genotype to export; run it in the studio first.'
          : `The run in the file did not finish (status: ${src.file.status}), so it has no genotype to export.`,
    };
  const genotype = src.genotype;
  if (format === 'genotype') return { text: formatDartsGenotype(space, genotype) };
  if (format === 'nb201') {
    const text = formatNb201(space.normal, genotype.normal);
    return text === null
      ? {
          problem:
            "The NAS-Bench-201 string needs a cell with one input node and one op kept per edge; this space's cell is not like that (use --format genotype).",
        }
      : { text };
  }
  try {
    const { input, classes } = datasetInput(src.file.spec.dataset);
    return { text: pytorchSource(space, genotype, input, classes) };
  } catch (e) {
    return { problem: `Cannot build the network: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Checks the command line; returns the problem to print, or null when the options can be used. */
function checkOptions(args: ParsedArgs): string | null {
  const unknown = [...args.options.keys()].filter(
    (k) => !(OPTIONS as readonly string[]).includes(k),
  );
  if (unknown.length > 0) return `Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`;
  if (args.positionals.length > 0) return `Unexpected argument "${args.positionals[0]}".`;
  for (const name of OPTIONS)
    if (args.options.get(name) === true) return `--${name} needs a value.`;
  for (const name of ['format', 'from'] as const)
    if (optionValue(args, name) === null) return `The export command needs --${name}.`;
  const format = optionValue(args, 'format') ?? '';
  if (!(FORMATS as readonly string[]).includes(format))
    return `Unknown format "${format}"; the formats are ${FORMATS.join(', ')}.`;
  return null;
}

/** Runs the export. Exit codes: 0 written; 2 bad input, explained on stderr. */
export async function runExport(args: ParsedArgs, io: CliIo): Promise<number> {
  const problem = checkOptions(args);
  if (problem !== null) {
    io.err(problem);
    io.err(`Usage: npm run cli -- ${EXPORT_HELP.usage}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const source = await loadSource(optionValue(args, 'from') ?? '', cwd);
  if (typeof source === 'string') {
    io.err(source);
    return 2;
  }
  const out = render(optionValue(args, 'format') as ExportFormat, source);
  if ('problem' in out) {
    io.err(out.problem);
    return 2;
  }
  const target = optionValue(args, 'out');
  if (target === null) {
    io.out(out.text.replace(/\n$/, ''));
    return 0;
  }
  try {
    await writeFile(resolve(cwd, target), out.text.endsWith('\n') ? out.text : `${out.text}\n`);
  } catch (e) {
    io.err(`Cannot write ${target}: ${e instanceof Error ? e.message : String(e)}.`);
    return 2;
  }
  io.err(`Wrote ${target}.`);
  return 0;
}

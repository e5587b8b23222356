/**
 * Uploaded files to datasets, the same in the page and the CLI: a CSV table or images (a zip, or
 * loose image files packed into one), hashed, parsed with the user's choices, and recorded as an
 * UploadSpec; and the examples of a recorded upload read again from its file's bytes.
 */
import { zipSync } from 'fflate';
import type { UploadSpec } from '../../experiment/spec';
import { defaultColumns, readCsv, tableExamples, type CsvTable, type TableColumns } from './csv';
import { contentHash } from './hash';
import { imageExamples, type ImageOptions } from './images';
import { UPLOAD_LIMITS } from './limits';
import { parsed, refused, type Parsed, type UploadedExamples } from './types';
import { isZip, readZip, type ArchiveFile, type ZipCaps } from './zip';

/** An uploaded file: its name and bytes. */
export interface UploadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What the user chose about how a file is read; anything left out takes its default. */
export interface UploadChoices {
  /** CSV: the label column (default: the last column). */
  readonly label?: string;
  /** CSV: the feature columns (default: every numeric column but the label). */
  readonly features?: readonly string[];
  /** CSV: standardise features with the training split's statistics (default: on). */
  readonly standardize?: boolean;
  /** Images: side they are resized to (default UPLOAD_LIMITS.defaultSide). */
  readonly side?: number;
  /** Images: 1 gray (default) or 3 RGB. */
  readonly channels?: 1 | 3;
}

/** A parsed upload: its record for the spec, its examples, and (CSV) the table's columns to choose from. */
export interface ParsedUpload {
  readonly spec: UploadSpec;
  readonly examples: UploadedExamples;
  /** CSV only: every column, and whether it holds numbers only. */
  readonly columns?: readonly { readonly name: string; readonly numeric: boolean }[];
}

/** Whether the file is read as images (a zip by content) rather than as a CSV table. */
export function isImageUpload(file: UploadFile): boolean {
  return isZip(file.bytes) || /\.zip$/i.test(file.name);
}

/** The CSV columns `choices` name, with defaults filled in. */
function chosenColumns(table: CsvTable, choices: UploadChoices): TableColumns {
  const d = defaultColumns(table);
  const label = choices.label ?? d.label;
  const features =
    choices.features ?? table.columns.filter((c, i) => c !== label && table.numeric[i] === true);
  return { label, features };
}

/** The image options `choices` name, with defaults filled in. */
function chosenImageOptions(choices: UploadChoices): ImageOptions {
  return { side: choices.side ?? UPLOAD_LIMITS.defaultSide, channels: choices.channels ?? 1 };
}

/** Parses a file already hashed. Never throws. */
function parseHashed(
  file: UploadFile,
  hash: string,
  choices: UploadChoices,
  caps: ZipCaps = UPLOAD_LIMITS,
): Parsed<ParsedUpload> {
  const common = { name: file.name, hash, bytes: file.bytes.length };
  if (isImageUpload(file)) {
    const files = readZip(file.bytes, file.name, caps);
    if (!files.ok) return files;
    const options = chosenImageOptions(choices);
    const examples = imageExamples(files.value, options, file.name);
    if (!examples.ok) return examples;
    return parsed({
      spec: {
        kind: 'images',
        ...common,
        side: options.side,
        channels: options.channels,
        classes: examples.value.classNames.length,
        rows: examples.value.count,
      },
      examples: examples.value,
    });
  }
  const table = readCsv(file.bytes, file.name);
  if (!table.ok) return table;
  const columns = chosenColumns(table.value, choices);
  const examples = tableExamples(table.value, columns);
  if (!examples.ok) return examples;
  return parsed({
    spec: {
      kind: 'table',
      ...common,
      label: columns.label,
      features: [...columns.features],
      standardize: choices.standardize ?? true,
      classes: examples.value.classNames.length,
      rows: examples.value.count,
    },
    examples: examples.value,
    columns: table.value.columns.map((name, i) => ({
      name,
      numeric: table.value.numeric[i] === true,
    })),
  });
}

/** Describes anything thrown while parsing (a parser's own bug, not the file's) as a problem. */
function internalProblem(file: UploadFile, e: unknown): Parsed<never> {
  return refused(`${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).`);
}

/** Parses an uploaded file with the user's choices: the dataset and its record, or one plain sentence why not. Never throws. `caps` lowers the inflation caps (tests). */
export async function parseUpload(
  file: UploadFile,
  choices: UploadChoices = {},
  caps: ZipCaps = UPLOAD_LIMITS,
): Promise<Parsed<ParsedUpload>> {
  try {
    const limit = isImageUpload(file) ? UPLOAD_LIMITS.zipBytes : UPLOAD_LIMITS.csvBytes;
    if (file.bytes.length > limit)
      return refused(
        `${file.name} is ${(file.bytes.length / 1048576).toFixed(1)} MiB; ${isImageUpload(file) ? 'zip' : 'CSV'} files are read up to ${limit / 1048576} MiB.`,
      );
    if (file.bytes.length === 0) return refused(`${file.name} is empty.`);
    return parseHashed(file, await contentHash(file.bytes), choices, caps);
  } catch (e) {
    return internalProblem(file, e);
  }
}

/** The choices an upload record was made with. */
export function choicesOf(u: UploadSpec): UploadChoices {
  return u.kind === 'table'
    ? { label: u.label, features: u.features, standardize: u.standardize }
    : { side: u.side, channels: u.channels };
}

/**
 * The examples of a recorded upload from `bytes`: refused when the bytes' hash is not the record's
 * (another file) or the file no longer reads the way the record says. Never throws.
 */
export async function examplesOfUpload(
  u: UploadSpec,
  bytes: Uint8Array,
): Promise<Parsed<UploadedExamples>> {
  const hash = await contentHash(bytes);
  if (hash !== u.hash)
    return refused(
      `This file is not ${u.name}: its content hash ${hash.slice(0, 12)}… differs from the experiment's ${u.hash.slice(0, 12)}….`,
    );
  try {
    const result = parseHashed({ name: u.name, bytes }, hash, choicesOf(u));
    if (!result.ok) return result;
    if (result.value.spec.rows !== u.rows || result.value.spec.classes !== u.classes)
      return refused(
        `${u.name} now reads as ${result.value.spec.rows} examples in ${result.value.spec.classes} classes; the experiment says ${u.rows} in ${u.classes}.`,
      );
    return parsed(result.value.examples);
  } catch (e) {
    return internalProblem({ name: u.name, bytes }, e);
  }
}

/**
 * Several image files (from a multiple-file pick or a dropped folder) packed into one stored zip,
 * in path order with a fixed date, so the same files always give the same bytes and content hash.
 */
export function packImageFiles(files: readonly ArchiveFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  const mtime = new Date(2000, 0, 1);
  for (const f of sorted) entries[f.path.replace(/^\/+/, '')] = [f.bytes, { level: 0, mtime }];
  return zipSync(entries);
}

/** CSV tables: a header row, then one example per row; the label column and the numeric feature columns are chosen by name. */
import Papa from 'papaparse';
import { classNamesOf } from './classes';
import { UPLOAD_LIMITS } from './limits';
import { utf8Text } from './text';
import { parsed, plural, refused, type Parsed, type UploadedExamples } from './types';

/** A CSV read into cells: the header's column names and the data rows (all as long as the header). */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per column: whether its cells are numbers (some empty ones allowed, refused later as missing values if the column is used). */
  readonly numeric: readonly boolean[];
}

/** The columns a table dataset is made of: the label column and the feature columns, by name. */
export interface TableColumns {
  readonly label: string;
  readonly features: readonly string[];
}

/** Whether a cell reads as a finite number. */
function isNumber(cell: string): boolean {
  const t = cell.trim();
  return t !== '' && Number.isFinite(Number(t));
}

/**
 * Reads a CSV file (UTF-8; comma, semicolon, tab or pipe separated, detected by papaparse; blank
 * lines skipped): the first row names the columns. Refuses a file over UPLOAD_LIMITS.csvBytes, not
 * UTF-8, with broken quotes, fewer than 2 or more than `columns` columns, duplicate or missing column
 * names, ragged rows, no data rows or more than `rows`.
 */
export function readCsv(bytes: Uint8Array, fileName: string): Parsed<CsvTable> {
  if (bytes.length > UPLOAD_LIMITS.csvBytes)
    return refused(
      `${fileName} is ${(bytes.length / 1048576).toFixed(1)} MiB; CSV files are read up to ${UPLOAD_LIMITS.csvBytes / 1048576} MiB.`,
    );
  const text = utf8Text(bytes, fileName);
  if (!text.ok) return text;
  const result = Papa.parse<string[]>(text.value, {
    skipEmptyLines: 'greedy',
    preview: UPLOAD_LIMITS.rows + 2,
  });
  const quote = result.errors.find((e) => e.type === 'Quotes');
  if (quote !== undefined)
    return refused(
      `${fileName} has a quoting error in data row ${quote.row ?? '?'}: ${quote.message.replace(/\.$/, '')}.`,
    );
  const [header, ...rows] = result.data;
  if (header === undefined)
    return refused(`${fileName} is empty; it needs a header row and data rows.`);
  const columns = header.map((c) => c.trim());
  if (columns.length < 2)
    return refused(
      `${fileName} has a single column; it needs a label column and at least one feature column, separated by commas.`,
    );
  if (columns.length > UPLOAD_LIMITS.columns)
    return refused(
      `${fileName} has ${plural(columns.length, 'column')}; at most ${UPLOAD_LIMITS.columns.toLocaleString('en-US')} are read.`,
    );
  const blank = columns.findIndex((c) => c === '');
  if (blank >= 0)
    return refused(
      `Column ${blank + 1} of ${fileName} has no name; the first row must name every column.`,
    );
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate !== undefined)
    return refused(`${fileName} has two columns named "${duplicate}"; column names must differ.`);
  if (rows.length === 0) return refused(`${fileName} has a header row but no data rows.`);
  if (rows.length > UPLOAD_LIMITS.rows)
    return refused(
      `${fileName} has more than ${plural(UPLOAD_LIMITS.rows, 'data row')}; use a sample of it.`,
    );
  const ragged = rows.findIndex((r) => r.length !== columns.length);
  if (ragged >= 0)
    return refused(
      `Data row ${ragged + 1} of ${fileName} has ${plural(rows[ragged]?.length ?? 0, 'field')}; the header has ${columns.length}.`,
    );
  const numeric = columns.map(
    (_, c) =>
      rows.every((r) => (r[c] ?? '').trim() === '' || isNumber(r[c] ?? '')) &&
      rows.some((r) => isNumber(r[c] ?? '')),
  );
  return parsed({ columns, rows, numeric });
}

/** The default columns: the last column is the label; every other column that is all numbers is a feature. */
export function defaultColumns(table: CsvTable): TableColumns {
  const label = table.columns[table.columns.length - 1] ?? '';
  return {
    label,
    features: table.columns.filter((c, i) => c !== label && table.numeric[i] === true),
  };
}

/**
 * The table's examples: features from `columns.features` (numbers; not standardised here, see
 * standardizeSplits) and class indices from the label column's strings (classNamesOf). Refuses an
 * unknown column, the label used as a feature, no features, a non-numeric or empty feature cell,
 * too many values, a single class or too many classes.
 */
export function tableExamples(table: CsvTable, columns: TableColumns): Parsed<UploadedExamples> {
  const labelAt = table.columns.indexOf(columns.label);
  if (labelAt < 0) return refused(`There is no column "${columns.label}" to take labels from.`);
  if (columns.features.length === 0)
    return refused(
      'No feature columns: choose at least one column of numbers besides the label column.',
    );
  const featureAt: number[] = [];
  for (const f of columns.features) {
    const at = table.columns.indexOf(f);
    if (at < 0) return refused(`There is no column "${f}" to use as a feature.`);
    if (at === labelAt)
      return refused(`Column "${f}" is the label column; it cannot also be a feature.`);
    if (featureAt.includes(at)) return refused(`Column "${f}" is chosen twice as a feature.`);
    featureAt.push(at);
  }
  const count = table.rows.length;
  const width = featureAt.length;
  if (count * width > UPLOAD_LIMITS.cells)
    return refused(
      `${plural(count, 'row')} x ${plural(width, 'feature')} is more than ${UPLOAD_LIMITS.cells.toLocaleString('en-US')} values; use fewer rows or columns.`,
    );
  const labels = table.rows.map((r) => (r[labelAt] ?? '').trim());
  const names = classNamesOf(labels, `Label column "${columns.label}"`);
  if (!names.ok) return names;
  const index = new Map(names.value.map((n, i) => [n, i]));
  const x = new Float32Array(count * width);
  const y = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const row = table.rows[r] ?? [];
    for (let f = 0; f < width; f++) {
      const cell = (row[featureAt[f] ?? 0] ?? '').trim();
      const name = columns.features[f] ?? '';
      if (cell === '')
        return refused(
          `Data row ${r + 1}, column "${name}" is empty; missing values are not supported (fill or drop the row).`,
        );
      const value = Number(cell);
      if (!Number.isFinite(value))
        return refused(
          `Data row ${r + 1}, column "${name}" holds "${cell.slice(0, 40)}", not a number; feature columns must hold numbers only.`,
        );
      if (!Number.isFinite(Math.fround(value)))
        return refused(
          `Data row ${r + 1}, column "${name}" holds ${cell.slice(0, 40)}, too large for a 32-bit float; rescale the column.`,
        );
      x[r * width + f] = value;
    }
    y[r] = index.get(labels[r] ?? '') ?? 0;
  }
  return parsed({
    x,
    y,
    count,
    input: { kind: 'vector', features: width },
    classNames: names.value,
  });
}

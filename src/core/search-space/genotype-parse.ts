/**
 * Reads genotypes as the papers print them — a published name (DARTS_V1, DARTS_V2), a DARTS
 * `Genotype(...)` string, or a NAS-Bench-201 arch string — and maps them onto a space's cells.
 * Every refusal is a plain sentence naming the problem; nothing here throws on bad text.
 */
import { incomingEdges, nodeIndex, outputNodes, topoOrder } from './cell';
import { isOpName, OP_NAMES, type OpName } from './ops';
import {
  publishedGenotype,
  PUBLISHED_GENOTYPE_NAMES,
  type DartsCellNotation,
  type DartsGene,
  type DartsNotation,
} from './published-genotypes';
import type {
  CellGenotype,
  CellRole,
  CellSpec,
  GenotypeEdge,
  Genotype,
  SearchSpaceSpec,
} from './types';

/** A parsed value, or the reason the text was refused. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Splits `text` at commas outside brackets and parentheses; a trailing comma is allowed, as in Python. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (ch === undefined || (ch === ',' && depth === 0)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** A gene list `[('sep_conv_3x3', 0), ...]` (whitespace already removed). */
function parseGenes(field: string, text: string): Parsed<DartsGene[]> {
  const list = /^\[(.*)\]$/.exec(text);
  if (!list) return fail(`${field} must be a list like [('sep_conv_3x3', 0), ...]; got ${text}.`);
  const genes: DartsGene[] = [];
  for (const item of splitTopLevel(list[1] ?? '')) {
    const m = /^\((['"])([^'"]*)\1,(\d+)\)$/.exec(item);
    if (!m) return fail(`${field} has an entry ${item} that is not an ('op', input) pair.`);
    genes.push([m[2] ?? '', Number(m[3])]);
  }
  return ok(genes);
}

/** A concat list `[2, 3, 4, 5]` or `range(2, 6)` (whitespace already removed). */
function parseConcat(field: string, text: string): Parsed<number[]> {
  const range = /^range\((\d+),(\d+)\)$/.exec(text);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    return ok(Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i));
  }
  const list = /^\[((?:\d+(?:,\d+)*)?)\]$/.exec(text);
  if (!list) return fail(`${field} must be a list of node numbers or range(a, b); got ${text}.`);
  return ok(list[1] ? list[1].split(',').map(Number) : []);
}

const FIELDS = ['normal', 'normal_concat', 'reduce', 'reduce_concat'] as const;

/**
 * Parses a DARTS `Genotype(normal=[...], normal_concat=..., reduce=[...], reduce_concat=...)` string
 * into DARTS notation: single or double quotes, any spacing, concat as a list or `range(a, b)`.
 * Checks syntax only; `notationToGenotype` checks it against a space.
 */
export function parseDartsGenotype(text: string): Parsed<DartsNotation> {
  const compact = text.replace(/\s+/g, '');
  const body = /^Genotype\((.*)\)$/.exec(compact);
  if (!body)
    return fail(
      'A DARTS genotype must read Genotype(normal=[...], normal_concat=..., reduce=[...], reduce_concat=...).',
    );
  const values = new Map<string, string>();
  for (const part of splitTopLevel(body[1] ?? '')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (eq < 0 || !(FIELDS as readonly string[]).includes(name))
      return fail(`Unexpected field "${name}" in the genotype; it takes ${FIELDS.join(', ')}.`);
    if (values.has(name)) return fail(`The genotype gives ${name} twice.`);
    values.set(name, part.slice(eq + 1));
  }
  const missing = FIELDS.filter((f) => !values.has(f));
  if (missing.length > 0) return fail(`The genotype lacks ${missing.join(', ')}.`);
  const field = (name: (typeof FIELDS)[number]): string => values.get(name) ?? '';
  const normal = parseGenes('normal', field('normal'));
  const normalConcat = parseConcat('normal_concat', field('normal_concat'));
  const reduce = parseGenes('reduce', field('reduce'));
  const reduceConcat = parseConcat('reduce_concat', field('reduce_concat'));
  if (!normal.ok) return normal;
  if (!normalConcat.ok) return normalConcat;
  if (!reduce.ok) return reduce;
  if (!reduceConcat.ok) return reduceConcat;
  return ok({
    normal: { genes: normal.value, concat: normalConcat.value },
    reduce: { genes: reduce.value, concat: reduceConcat.value },
  });
}

/** Checks one kept (op, source) pair into `node` against the cell and returns it as a genotype edge. */
function keptEdge(
  cell: CellSpec,
  where: string,
  node: string,
  op: string,
  from: number,
  ids: readonly string[],
): Parsed<GenotypeEdge> {
  const target = nodeIndex(cell).get(node) ?? -1;
  if (!isOpName(op))
    return fail(`${where}: unknown op '${op}'; registered ops are ${OP_NAMES.join(', ')}.`);
  const source = ids[from];
  if (source === undefined || from >= target)
    return fail(
      `${where}: input ${from} is out of range; node ${target} can take inputs 0 to ${target - 1}.`,
    );
  const edge = cell.edges.find((e) => e.from === source && e.to === node);
  if (!edge) return fail(`${where}: the cell has no edge from node ${from} to node ${target}.`);
  if (!edge.ops.includes(op))
    return fail(
      `${where}: op '${op}' is not a candidate on the edge from node ${from} to node ${target}; it offers ${edge.ops.join(', ')}.`,
    );
  if (op === 'none' && cell.derive.rule === 'top-k')
    return fail(
      `${where}: 'none' is never a kept op in a cell that keeps its top ${cell.derive.k} edges per node.`,
    );
  return ok({ from: source, to: node, op: op as OpName });
}

/** How many kept inputs each intermediate node has in a derived genotype (topological order). */
function inputsPerNode(cell: CellSpec): number[] {
  return topoOrder(cell).map((node) => {
    const edges = incomingEdges(cell, node);
    if (cell.derive.rule === 'per-edge') return edges.length;
    return Math.min(cell.derive.k, edges.filter((e) => e.ops.some((op) => op !== 'none')).length);
  });
}

/** The kept edges of one node, with duplicate sources refused. */
function nodeEdges(
  cell: CellSpec,
  label: string,
  node: string,
  pairs: readonly DartsGene[],
  ids: readonly string[],
): Parsed<GenotypeEdge[]> {
  const number = nodeIndex(cell).get(node) ?? -1;
  const edges: GenotypeEdge[] = [];
  for (const [op, from] of pairs) {
    const edge = keptEdge(cell, `Node ${number} of the ${label}`, node, op, from, ids);
    if (!edge.ok) return fail(edge.error);
    if (edges.some((e) => e.from === edge.value.from))
      return fail(
        `Node ${number} of the ${label} takes input ${from} twice; each kept edge must come from a different node.`,
      );
    edges.push(edge.value);
  }
  return ok(edges);
}

/** The concat node ids, refused unless they are exactly the nodes the cell's output is made of. */
function concatIds(
  cell: CellSpec,
  label: string,
  concat: readonly number[],
  ids: readonly string[],
): Parsed<string[]> {
  const index = nodeIndex(cell);
  const expected = outputNodes(cell).map((n) => index.get(n) ?? -1);
  const sorted = (xs: readonly number[]): string => [...xs].sort((a, b) => a - b).join(', ');
  if (sorted(concat) !== sorted(expected) || new Set(concat).size !== concat.length)
    return fail(
      `The ${label}'s concat is [${concat.join(', ')}]; this cell's output is made of nodes [${expected.join(', ')}].`,
    );
  return ok(concat.map((n) => ids[n] ?? ''));
}

/** Maps one cell in DARTS notation onto `cell`: pairs grouped per node in node order, DARTS numbering. */
export function notationToCell(
  cell: CellSpec,
  role: CellRole,
  notation: DartsCellNotation,
): Parsed<CellGenotype> {
  const label = `${role} cell`;
  const ids = [...nodeIndex(cell).keys()];
  const counts = inputsPerNode(cell);
  const total = counts.reduce((a, b) => a + b, 0);
  if (notation.genes.length !== total)
    return fail(
      `The ${label} lists ${notation.genes.length} (op, input) pairs; this cell keeps ${total}: ${counts.join(', ')} for nodes ${cell.inputs.length} to ${cell.inputs.length + counts.length - 1}.`,
    );
  const edges: GenotypeEdge[] = [];
  let at = 0;
  for (const [j, node] of topoOrder(cell).entries()) {
    const count = counts[j] ?? 0;
    const kept = nodeEdges(cell, label, node, notation.genes.slice(at, at + count), ids);
    if (!kept.ok) return fail(kept.error);
    edges.push(...kept.value);
    at += count;
  }
  const concat = concatIds(cell, label, notation.concat, ids);
  return concat.ok ? ok({ edges, concat: concat.value }) : concat;
}

/** Maps a genotype in DARTS notation onto `space`; a space without a reduction cell needs an empty reduce list. */
export function notationToGenotype(
  space: SearchSpaceSpec,
  notation: DartsNotation,
): Parsed<Genotype> {
  const { genes, concat } = notation.reduce;
  if (!space.reduce && (genes.length > 0 || concat.length > 0))
    return fail(
      `This space has no reduction cell, so the genotype's reduce list must be empty; it lists ${genes.length} pairs.`,
    );
  const normal = notationToCell(space.normal, 'normal', notation.normal);
  if (!normal.ok || !space.reduce)
    return normal.ok ? ok({ normal: normal.value, reduce: null }) : normal;
  const reduce = notationToCell(space.reduce, 'reduce', notation.reduce);
  return reduce.ok ? ok({ normal: normal.value, reduce: reduce.value }) : reduce;
}

/**
 * Maps a NAS-Bench-201 string `|op~0|+|op~0|op~1|+|...|` onto a one-input cell that keeps one op on
 * every edge: one group per intermediate node in node order (node 0 is the input), each listing
 * op~source for every edge into that node. Refuses strings that do not match the cell's edges.
 */
export function parseNb201(cell: CellSpec, text: string): Parsed<CellGenotype> {
  if (cell.inputs.length !== 1 || cell.derive.rule !== 'per-edge')
    return fail(
      `An NB201 string describes a one-input cell with one op on every edge; this cell takes ${cell.inputs.length} input(s) and keeps ${cell.derive.rule === 'top-k' ? `its top ${cell.derive.k} edges per node` : 'every edge'}. Give a DARTS Genotype(...) string or a published name.`,
    );
  const groups = text.replace(/\s+/g, '').split('+');
  const nodes = topoOrder(cell);
  if (groups.length !== nodes.length)
    return fail(
      `The NB201 string has ${groups.length} node group(s) separated by '+'; the cell has ${nodes.length} intermediate nodes.`,
    );
  const ids = [...nodeIndex(cell).keys()];
  const edges: GenotypeEdge[] = [];
  for (const [j, node] of nodes.entries()) {
    const group = groups[j] ?? '';
    const body = /^\|(.*)\|$/.exec(group);
    if (!body) return fail(`NB201 group ${j + 1} (${group}) must start and end with '|'.`);
    const entries = (body[1] ?? '').split('|');
    const pairs: DartsGene[] = [];
    for (const entry of entries) {
      const m = /^([^~]+)~(\d+)$/.exec(entry);
      if (!m) return fail(`NB201 entry '${entry}' of node ${j + 1} is not op~source.`);
      pairs.push([m[1] ?? '', Number(m[2])]);
    }
    const expected = incomingEdges(cell, node).length;
    if (pairs.length !== expected)
      return fail(
        `Node ${j + 1} of the NB201 string lists ${pairs.length} input(s); in this cell it has ${expected}.`,
      );
    const kept = nodeEdges(cell, 'cell', node, pairs, ids);
    if (!kept.ok) return fail(kept.error);
    edges.push(...kept.value);
  }
  return ok({ edges, concat: outputNodes(cell) });
}

/**
 * A genotype for `space` from what a user typed: a published name (DARTS_V1, DARTS_V2), a DARTS
 * `Genotype(...)` string, or an NB201 string (which fits only spaces of one NB201-style cell).
 */
export function parseGenotype(space: SearchSpaceSpec, text: string): Parsed<Genotype> {
  const trimmed = text.trim();
  const published = publishedGenotype(trimmed);
  if (published) return notationToGenotype(space, published);
  if (trimmed.startsWith('Genotype')) {
    const notation = parseDartsGenotype(trimmed);
    return notation.ok ? notationToGenotype(space, notation.value) : notation;
  }
  if (trimmed.startsWith('|')) {
    const normal = space.reduce
      ? fail<CellGenotype>(
          'An NB201 string describes one cell, but this space also searches a reduction cell. Give a DARTS Genotype(...) string or a published name.',
        )
      : parseNb201(space.normal, trimmed);
    return normal.ok ? ok({ normal: normal.value, reduce: null }) : normal;
  }
  return fail(
    `"${trimmed}" is not a genotype: give a published name (${PUBLISHED_GENOTYPE_NAMES.join(', ')}), a DARTS Genotype(...) string, or an NB201 string |op~0|+|op~0|op~1|+...`,
  );
}

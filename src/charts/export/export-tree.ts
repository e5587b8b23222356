/** The plain tree a chart export is planned on: SVG elements with attributes, the computed styles that matter, and text. */

/** The SVG namespace every exported element is created in. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** A run of text inside an exported element (user data: the writer escapes it). */
export interface ExportText {
  readonly kind: 'text';
  readonly text: string;
}

/** One SVG element: its tag, attributes, computed style (property -> value) and children. */
export interface ExportElement {
  readonly kind: 'element';
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly style: Readonly<Record<string, string>>;
  readonly children: readonly ExportNode[];
}

/** A node of an export tree. */
export type ExportNode = ExportElement | ExportText;

/** Builds an element node; `style` defaults to none (it then inherits everything). */
export function exportElement(
  tag: string,
  attributes: Readonly<Record<string, string>> = {},
  children: readonly ExportNode[] = [],
  style: Readonly<Record<string, string>> = {},
): ExportElement {
  return { kind: 'element', tag, attributes, style, children };
}

/** Builds a text node. */
export function exportText(text: string): ExportText {
  return { kind: 'text', text };
}

/** A rectangle in CSS pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A length attribute ("480", "480px") as a number, or null when it is missing or relative. */
export function pixelLength(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(px)?\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}

/** The four numbers of a viewBox attribute, or null when it is missing or malformed. */
export function parseViewBox(value: string | undefined): Box | null {
  if (value === undefined) return null;
  const parts = value
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x = 0, y = 0, width = 0, height = 0] = parts;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** Rounds a pixel coordinate to two decimals for compact attributes. */
export function px(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Plans a standalone SVG from a chart's export tree: inline styles, explicit size and viewBox, a background, no page-only parts. */
import {
  exportElement,
  exportText,
  parseViewBox,
  pixelLength,
  px,
  type ExportElement,
  type ExportNode,
} from './export-tree';
import {
  inlineStyle,
  isDisplayNone,
  ROOT_EFFECTIVE,
  styleText,
  type EffectiveStyle,
} from './svg-style';

/** Size, title and background of the exported picture. */
export interface StandaloneOptions {
  /** Width and height in CSS pixels; by default the root's width/height attributes, else its viewBox. */
  readonly width?: number;
  readonly height?: number;
  /** Becomes the file's <title> (kept as text, never markup). */
  readonly title?: string;
  /** Fill of the background rectangle; white by default. */
  readonly background?: string;
}

/** Elements never copied: scripts and embedded HTML have no place in a picture. */
const DROPPED_TAGS = new Set(['script', 'foreignobject']);

/** Classes of interaction layers drawn invisible on the page (d3-brush's hit area and resize handles). */
const INTERACTION_CLASSES = ['overlay', 'handle'];

/** Attributes that only matter to the live page. */
const PAGE_ATTRIBUTES = new Set(['style', 'cursor', 'pointer-events', 'tabindex', 'role']);

/** Whether an element is part of the page's interaction rather than the drawing. */
export function isInteractionOnly(el: ExportElement): boolean {
  if (DROPPED_TAGS.has(el.tag.toLowerCase())) return true;
  if (el.attributes.role === 'tooltip') return true;
  const classes = (el.attributes.class ?? '').split(/\s+/);
  return classes.some((c) => INTERACTION_CLASSES.includes(c));
}

function keptAttributes(attributes: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(attributes).filter(([name, value]) => {
    const lower = name.toLowerCase();
    return (
      !PAGE_ATTRIBUTES.has(lower) &&
      !lower.startsWith('on') &&
      !lower.startsWith('xmlns') &&
      // A theme token means nothing outside the page: the computed colour goes into the style instead.
      !value.includes('var(')
    );
  });
}

/** Copies an element with its style inlined as a style attribute; null when it is hidden or page-only. */
function inlineTree(el: ExportElement, parent: EffectiveStyle): ExportElement | null {
  if (isDisplayNone(el.style) || isInteractionOnly(el)) return null;
  const { declarations, effective } = inlineStyle(el.style, parent, el.attributes);
  const attributes = Object.fromEntries(keptAttributes(el.attributes));
  if (declarations.length > 0) attributes.style = styleText(declarations);
  const children = el.children.flatMap((child): ExportNode[] => {
    if (child.kind === 'text') return [child];
    const copy = inlineTree(child, effective);
    return copy ? [copy] : [];
  });
  return exportElement(el.tag, attributes, children);
}

/** The picture's width and height: the options, else the root's attributes, else its viewBox. */
export function pictureSize(
  root: ExportElement,
  opts: Pick<StandaloneOptions, 'width' | 'height'> = {},
): { readonly width: number; readonly height: number } {
  const box = parseViewBox(root.attributes.viewBox);
  const width = opts.width ?? pixelLength(root.attributes.width) ?? box?.width ?? 0;
  const height = opts.height ?? pixelLength(root.attributes.height) ?? box?.height ?? 0;
  return { width: Math.max(1, Math.ceil(width)), height: Math.max(1, Math.ceil(height)) };
}

/** The standalone picture of `root` (an <svg> tree): ready for the writer. */
export function standaloneSvg(root: ExportElement, opts: StandaloneOptions = {}): ExportElement {
  const inlined = inlineTree({ ...root, tag: 'svg' }, ROOT_EFFECTIVE) ?? exportElement('svg');
  const { width, height } = pictureSize(root, opts);
  const view = parseViewBox(root.attributes.viewBox) ?? { x: 0, y: 0, width, height };
  const background = exportElement('rect', {
    x: px(view.x),
    y: px(view.y),
    width: px(view.width),
    height: px(view.height),
    fill: opts.background ?? '#ffffff',
  });
  const titled = inlined.children.some((c) => c.kind === 'element' && c.tag === 'title');
  const title =
    opts.title !== undefined && opts.title !== '' && !titled
      ? [exportElement('title', {}, [exportText(opts.title)])]
      : [];
  const { x: _x, y: _y, ...attributes } = inlined.attributes;
  return exportElement(
    'svg',
    {
      ...attributes,
      width: String(width),
      height: String(height),
      viewBox: `${px(view.x)} ${px(view.y)} ${px(view.width)} ${px(view.height)}`,
    },
    [...title, background, ...inlined.children],
  );
}

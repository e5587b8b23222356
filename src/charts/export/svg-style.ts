/** Which computed styles an exported SVG carries inline, and how to write only the ones a standalone file needs. */

/** Properties that inherit to children: written where they differ from what the parent already gives. */
const INHERITED: Readonly<Record<string, string | null>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  'stroke-linejoin': 'miter',
  'stroke-linecap': 'butt',
  'paint-order': 'normal',
  color: null,
  'font-family': null,
  'font-size': null,
  'font-weight': '400',
  'font-style': 'normal',
  'text-anchor': 'start',
  visibility: 'visible',
};

/** Properties written on each element where they differ from the initial value (renderers disagree on whether they inherit). */
const OWN: Readonly<Record<string, string>> = {
  opacity: '1',
  'dominant-baseline': 'auto',
};

/** Every style property inlined into an exported SVG element. */
export const SVG_STYLE_PROPERTIES: readonly string[] = [
  ...Object.keys(INHERITED),
  ...Object.keys(OWN),
  'display',
];

/** Extra properties read from HTML elements around a chart's svg (their text, swatches and frames). */
export const BOX_STYLE_PROPERTIES: readonly string[] = [
  'background-color',
  'background-image',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'border-top-left-radius',
];

/** What a standalone renderer computes for an element before its own style: the initial values at the root. */
export type EffectiveStyle = Readonly<Record<string, string>>;

/** The inherited values a standalone root starts from. */
export const ROOT_EFFECTIVE: EffectiveStyle = Object.fromEntries(
  Object.entries(INHERITED).flatMap(([k, v]) => (v === null ? [] : [[k, v]])),
);

/** Whether a computed style hides the element and everything in it. */
export function isDisplayNone(style: Readonly<Record<string, string>>): boolean {
  return style.display === 'none';
}

/** The declarations to write on an element (computed style `own`, parent's effective style `parent`) and its own effective style; a property also set as a presentation attribute is always written. */
export function inlineStyle(
  own: Readonly<Record<string, string>>,
  parent: EffectiveStyle,
  attributes: Readonly<Record<string, string>> = {},
): { readonly declarations: readonly [string, string][]; readonly effective: EffectiveStyle } {
  const declarations: [string, string][] = [];
  const effective: Record<string, string> = { ...parent };
  for (const name of Object.keys(INHERITED)) {
    const value = own[name]?.trim();
    if (value === undefined || value === '') continue;
    if (value !== parent[name] || Object.hasOwn(attributes, name)) declarations.push([name, value]);
    effective[name] = value;
  }
  for (const [name, initial] of Object.entries(OWN)) {
    const value = own[name]?.trim();
    if (value === undefined || value === '') continue;
    if (value !== initial || Object.hasOwn(attributes, name)) declarations.push([name, value]);
  }
  return { declarations, effective };
}

/** A style attribute's text from declarations (values are computed CSS, never markup). */
export function styleText(declarations: readonly (readonly [string, string])[]): string {
  return declarations.map(([name, value]) => `${name}: ${value}`).join('; ');
}

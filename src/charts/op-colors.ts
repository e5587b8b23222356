/**
 * One fixed colour per op, shared by the alpha legend, the trajectories, the alpha table and the
 * cell diagram. The colours are Okabe and Ito's eight (Okabe & Ito 2008, "Color Universal Design
 * (CUD): How to make figures and presentations that are friendly to colorblind people"), chosen so
 * that viewers with red-green colour blindness (protanopia, deuteranopia) can still tell them
 * apart. The DARTS space's eight ops take all eight; ops of other presets reuse the colour of a
 * DARTS op they never appear beside in a preset, so every preset's ops are pairwise distinct.
 * Every colour is drawn at 3:1 or more against the chart surface in both themes (WCAG's non-text
 * contrast): black (the `none` op) is a theme token, black on the light theme and near-white on the
 * dark one, and orange, sky blue, yellow and reddish purple are darkened on the light theme
 * (tokens.css); the others read on both as they are.
 */
import type { OpName } from '../core/search-space/ops';

/** Okabe and Ito's colour-blind-safe palette, by the names they give its colours (black follows the theme). */
export const OKABE_ITO = {
  black: 'var(--op-black)',
  orange: 'var(--op-orange)',
  skyBlue: 'var(--op-sky-blue)',
  bluishGreen: '#009E73',
  yellow: 'var(--op-yellow)',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: 'var(--op-reddish-purple)',
} as const;

/** Colours by op name. Skip connections, the op a collapsing search drifts to, get the loudest (vermillion); pools and skip never share a hue family. */
export const OP_COLORS: Record<OpName, string> = {
  none: OKABE_ITO.black,
  skip_connect: OKABE_ITO.vermillion,
  max_pool_3x3: OKABE_ITO.skyBlue,
  avg_pool_3x3: OKABE_ITO.reddishPurple,
  sep_conv_3x3: OKABE_ITO.blue,
  sep_conv_5x5: OKABE_ITO.bluishGreen,
  dil_conv_3x3: OKABE_ITO.orange,
  dil_conv_5x5: OKABE_ITO.yellow,
  nor_conv_1x1: OKABE_ITO.bluishGreen,
  nor_conv_3x3: OKABE_ITO.blue,
  dense_relu: OKABE_ITO.blue,
  dense_tanh: OKABE_ITO.bluishGreen,
  dense_sigmoid: OKABE_ITO.orange,
};

/** The colour of anything that is not a registered op (an unknown name, a link to the cell output). */
export const NEUTRAL_COLOR = 'var(--chart-neutral)';

/** The colour of an op, or the neutral grey for a name the registry does not know. */
export function opColor(op: string): string {
  return (OP_COLORS as Record<string, string | undefined>)[op] ?? NEUTRAL_COLOR;
}

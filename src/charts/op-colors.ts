/** One fixed colour per op, shared by the alpha legend, the trajectories and the cell diagram. */
import type { OpName } from '../core/search-space/ops';

/** Colours by op name; similar ops get related hues (pools warm, convs cool, dense greens). */
export const OP_COLORS: Record<OpName, string> = {
  none: '#9aa0a6',
  skip_connect: '#e8710a',
  max_pool_3x3: '#c5221f',
  avg_pool_3x3: '#f29900',
  nor_conv_1x1: '#7b1fa2',
  nor_conv_3x3: '#1a73e8',
  sep_conv_3x3: '#1a73e8',
  sep_conv_5x5: '#12b5cb',
  dil_conv_3x3: '#7b1fa2',
  dil_conv_5x5: '#d01884',
  dense_relu: '#188038',
  dense_tanh: '#1a73e8',
  dense_sigmoid: '#d01884',
};

/** The colour of an op, or a neutral grey for a name the registry does not know. */
export function opColor(op: string): string {
  return (OP_COLORS as Record<string, string | undefined>)[op] ?? '#5f6368';
}

/** Display names of ops for chart labels. */
import { isOpName, OPS } from '../core/search-space/ops';

/** The registry label of an op ('sep conv 3x3'), or the name itself when unregistered. */
export function opLabel(op: string): string {
  return isOpName(op) ? OPS[op].label : op;
}

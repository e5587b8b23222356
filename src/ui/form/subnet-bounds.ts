/** The smallest and largest subnet of the space on the dataset's input, for picking sensible constraints. */
import { subnetRange, type CostRange } from '../../core/cost/network-cost';
import { datasetInput } from '../../core/data/load';
import { validateDataset } from '../../core/experiment/validate';
import type { DatasetSpec } from '../../core/experiment/spec';
import { validateSpace } from '../../core/search-space/validate';
import type { SearchSpaceSpec } from '../../core/search-space/types';

/** The params and FLOPs range of every subnet, or why it cannot be priced yet. */
export type SubnetBounds =
  | { readonly ok: true; readonly range: CostRange }
  | { readonly ok: false; readonly reason: string };

/** Prices the extremes of the space's subnets (stand-alone, as constraints are checked) once the space and data can run. */
export function subnetBounds(space: SearchSpaceSpec, dataset: DatasetSpec): SubnetBounds {
  const input = validateDataset(dataset).some(
    (p) =>
      p.path === 'dataset.id' ||
      p.path === 'dataset.imageSize' ||
      p.path.startsWith('dataset.upload'),
  )
    ? null
    : datasetInput(dataset);
  if (input === null || validateSpace(space, input.input).length > 0) {
    return { ok: false, reason: 'The subnet range appears once the space and data can run.' };
  }
  return { ok: true, range: subnetRange(space, input.input, input.classes) };
}

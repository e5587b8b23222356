/** The name an experiment goes by in file names: its own, except that a composed space is not called after the preset it started from. */
import { PRESETS } from '../search-space/presets';
import type { ExperimentSpec } from './spec';

/**
 * The experiment's name, with a default "<preset> on <data>" name read as "Custom space on <data>"
 * once the space no longer is that preset (composed or edited in the composer).
 */
export function experimentTitle(spec: Pick<ExperimentSpec, 'name' | 'space'>): string {
  if (spec.space.preset !== null) return spec.name;
  for (const preset of Object.values(PRESETS)) {
    const prefix = `${preset.label} on `;
    if (spec.name.startsWith(prefix)) return `Custom space on ${spec.name.slice(prefix.length)}`;
  }
  return spec.name;
}

/** Preset picker with what the chosen search space holds. */
import { formatSizeGrouped, spaceSize } from '../../core/search-space/size';
import { isPresetName, PRESET_NAMES, PRESETS } from '../../core/search-space/presets';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { useStudio } from '../studio';

function summary(space: SearchSpaceSpec): string {
  const cells = space.reduce ? 'normal and reduction cells' : 'one cell';
  const edges = space.normal.edges.length;
  const ops = space.normal.edges[0]?.ops.length ?? 0;
  return `${cells}, ${edges} edges of ${ops} ops each; ${formatSizeGrouped(spaceSize(space))} architectures`;
}

/** The search-space part of the form. */
export function SearchSpaceSection() {
  const preset = useStudio((s) => s.preset);
  const space = useStudio((s) => s.spec.space);
  const setPreset = useStudio((s) => s.setPreset);
  return (
    <fieldset className="form-section">
      <legend>Search space</legend>
      <div className="field">
        <label htmlFor="preset-select">Preset</label>
        <select
          id="preset-select"
          data-testid="preset-select"
          value={space.preset === null ? '' : preset}
          onChange={(e) => {
            if (isPresetName(e.target.value)) setPreset(e.target.value);
          }}
        >
          {space.preset === null ? (
            <option value="" disabled>
              Composed by hand
            </option>
          ) : null}
          {PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {PRESETS[name].label}
            </option>
          ))}
        </select>
        <span className="field-help">
          {space.preset === null
            ? 'Edited in the composer; pick a preset to start over from it.'
            : PRESETS[preset].description}
        </span>
      </div>
      <p className="space-summary">{summary(space)}</p>
    </fieldset>
  );
}

/** Overrides the backend negotiation; the choice applies to the next run. */
import type { BackendChoice } from '../../core/run/protocol';
import { ControlGroupBox } from '../lessons/ControlGroupBox';
import { CopyLink } from '../share/CopyLink';
import { useStudio } from '../studio';

const CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'];

/** The backend selector in the header, after the Copy link button. */
export function BackendSelect() {
  const choice = useStudio((s) => s.backendChoice);
  const setChoice = useStudio((s) => s.setBackendChoice);
  return (
    <>
      <CopyLink />
      <ControlGroupBox group="backend">
        <label className="backend-select">
          <span className="header-label">Backend for next run</span>
          <select
            data-testid="backend-select"
            value={choice}
            onChange={(e) => setChoice(e.target.value as BackendChoice)}
          >
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </ControlGroupBox>
    </>
  );
}

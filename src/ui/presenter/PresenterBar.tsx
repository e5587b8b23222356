/** The bar presenter mode shows above its one view: which view of how many, Back, Next and Leave, with the keys. */
import { SLIDES } from './slides';
import type { Presenter } from './use-presenter';

/** The bar for slide `p.slide` (render only while presenting). */
export function PresenterBar({ presenter: p }: { readonly presenter: Presenter }) {
  const index = p.slide ?? 0;
  const slide = SLIDES[index];
  return (
    <div
      className="presenter-bar"
      role="toolbar"
      aria-label="Presenter mode"
      data-testid="presenter-bar"
    >
      <button
        type="button"
        data-testid="presenter-back"
        disabled={index === 0}
        onClick={() => p.move(-1)}
        title="Previous view (← or PageUp)"
      >
        ← Back
      </button>
      <strong data-testid="presenter-title">{slide?.title}</strong>
      <span className="muted" data-testid="presenter-position">
        {index + 1} / {SLIDES.length}
      </span>
      <button
        type="button"
        data-testid="presenter-next"
        disabled={index === SLIDES.length - 1}
        onClick={() => p.move(1)}
        title="Next view (→ or PageDown)"
      >
        Next →
      </button>
      <button
        type="button"
        data-testid="presenter-leave"
        onClick={p.leave}
        title="Leave presenter mode (Escape)"
      >
        Leave
      </button>
      <span className="muted presenter-keys">Esc leaves · P toggles</span>
    </div>
  );
}

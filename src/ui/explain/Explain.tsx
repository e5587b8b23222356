/** The "What am I looking at?" toggle beside a view, and the short plain-text panel it opens. */
import { useId, useState } from 'react';
import { citation, EXPLANATIONS, type ExplainId } from './texts';
import './explain.css';

/** The four parts of an explanation, with their headings, in reading order. */
const PARTS = [
  ['what', 'What it shows'],
  ['read', 'How to read it'],
  ['surprising', 'What would be surprising'],
] as const;

/** A toggle button (aria-expanded, aria-controls) that opens the explanation of view `id` under it. */
export function Explain({ id }: { readonly id: ExplainId }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const text = EXPLANATIONS[id];
  return (
    <div className="explain" data-testid={`explain-${id}`}>
      <button
        type="button"
        className="explain-toggle"
        data-testid={`explain-toggle-${id}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`What am I looking at? ${text.view}`}
        onClick={() => setOpen((o) => !o)}
      >
        What am I looking at?
      </button>
      <div
        id={panelId}
        className="explain-panel"
        data-testid={`explain-panel-${id}`}
        role="region"
        aria-label={`About ${text.view}`}
        hidden={!open}
      >
        <dl>
          {PARTS.map(([key, heading]) => (
            <div key={key} className="explain-part">
              <dt>{heading}</dt>
              <dd>{text[key]}</dd>
            </div>
          ))}
          <div className="explain-part">
            <dt>Where it comes from</dt>
            <dd>
              {text.source.map((p) => (
                <cite key={p.title} className="explain-source">
                  {citation(p)}
                </cite>
              ))}
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

/** The "Learn" entry in the header: a list of the built-in lessons, each a link that opens it at its first step. */
import { useRef, useState } from 'react';
import { lessonHash } from '../../core/lessons';
import { LESSONS } from './lessons';

/** The Learn button and, when open, the lesson list. */
export function LearnMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="learn-menu"
      onKeyDown={(e) => {
        // Escape closes the list and gives the focus back to the Learn button.
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        data-testid="learn-button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Learn
      </button>
      {open ? (
        <div
          className="learn-list card"
          data-testid="lesson-list"
          role="dialog"
          aria-label="Lessons"
        >
          <p className="muted">
            Short guided lessons. Each is a link you can share; opening one replaces the experiment
            on screen with the lesson&apos;s own.
          </p>
          <ol>
            {LESSONS.map((l) => (
              <li key={l.id}>
                <a
                  href={lessonHash(l.id, 1)}
                  data-testid={`lesson-link-${l.id}`}
                  onClick={() => setOpen(false)}
                >
                  {l.title}
                </a>
                {l.summary === undefined ? null : <div className="muted">{l.summary}</div>}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

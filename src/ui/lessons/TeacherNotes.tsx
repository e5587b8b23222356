/** The title and notes of an opened lesson link, as plain text (never HTML). */
import { useLink } from '../share/links';

/** The lesson link's title and notes, when the experiment was opened from one. */
export function TeacherNotes() {
  const teaching = useLink((s) => s.teaching);
  if (teaching === null || (teaching.title === '' && teaching.notes === '')) return null;
  return (
    <section className="card lesson-panel" data-testid="teacher-notes" aria-label="Lesson notes">
      {teaching.title === '' ? null : <h2 data-testid="teacher-title">{teaching.title}</h2>}
      {teaching.notes === '' ? null : (
        <p className="lesson-text" data-testid="teacher-text">
          {teaching.notes}
        </p>
      )}
    </section>
  );
}

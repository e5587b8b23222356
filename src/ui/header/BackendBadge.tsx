/** The tfjs backend in use (on wasm with its threads); hover for the reason, click for the reason and every probe. */
import { useRef, useState } from 'react';
import { useStudio } from '../studio';
import { backendName } from './backend-name';

/** A badge naming the backend, with a details popover. */
export function BackendBadge() {
  const report = useStudio((s) => s.run.report);
  const negotiating = useStudio((s) => s.negotiating);
  const choice = useStudio((s) => s.backendChoice);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const name = report ? backendName(report) : negotiating ? 'choosing…' : 'no backend yet';
  const pending = report !== null && report.choice !== choice ? `next run: ${choice}` : null;
  return (
    <div
      className="backend"
      onKeyDown={(e) => {
        // Escape closes the details and gives the focus back to the badge.
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className={`badge badge-${report?.backend ?? 'none'}`}
        data-testid="backend-badge"
        aria-expanded={open}
        aria-controls="backend-details"
        title={report?.reason ?? 'The backend is chosen when the engine starts.'}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="badge-label">backend</span> {name}
        {pending ? <span className="badge-pending"> · {pending}</span> : null}
      </button>
      {open ? (
        <div id="backend-details" className="popover" role="dialog" aria-label="Backend details">
          <p>{report?.reason ?? 'No backend has been negotiated yet.'}</p>
          {report && report.probes.length > 0 ? (
            <table className="probe-table">
              <thead>
                <tr>
                  <th scope="col">backend</th>
                  <th scope="col">outcome</th>
                </tr>
              </thead>
              <tbody>
                {report.probes.map((p, i) => (
                  <tr key={`${p.backend}-${i}`} className={p.ok ? '' : 'probe-failed'}>
                    <td>{p.backend}</td>
                    <td>{p.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <button type="button" className="link" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}

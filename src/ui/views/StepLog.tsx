/** A collapsible table of the first and the latest steps: real numbers to read and copy. */
import { shownRun } from '../../store/history-selectors';
import { useState } from 'react';
import { STEP_LOG_SIZE, type StepPoint } from '../../core/run/state';
import { stepLogRows } from '../../store/run-selectors';
import { useStudio } from '../studio';

function Row({ p }: { readonly p: StepPoint }) {
  return (
    <tr>
      <td className="num">{p.step}</td>
      <td className="num">{p.epoch}</td>
      <td className="num">{p.trainLoss.toPrecision(6)}</td>
      <td className="num">{p.trainAcc.toFixed(4)}</td>
      <td className="num">{p.alphaLoss.toPrecision(6)}</td>
      <td className="num">{(p.elapsedMs / 1000).toFixed(2)}</td>
    </tr>
  );
}

/** The step log; rows render only while it is open. */
export function StepLog() {
  const log = useStudio((s) => shownRun(s).stepLog);
  const [open, setOpen] = useState(false);
  const { head, tail, gap } = stepLogRows({ stepLog: log });
  return (
    <details
      className="card live-card step-log"
      data-testid="step-log"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        Step log{' '}
        <span className="muted">
          ({log.seen} steps; the first and latest {STEP_LOG_SIZE} are kept)
        </span>
      </summary>
      {open ? (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">step</th>
              <th scope="col">epoch</th>
              <th scope="col">train loss</th>
              <th scope="col">train acc</th>
              <th scope="col">alpha loss</th>
              <th scope="col">elapsed s</th>
            </tr>
          </thead>
          <tbody>
            {head.map((p) => (
              <Row key={p.step} p={p} />
            ))}
            {gap > 0 ? (
              <tr className="gap">
                <td colSpan={6}>… {gap} steps not kept …</td>
              </tr>
            ) : null}
            {tail.map((p) => (
              <Row key={p.step} p={p} />
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

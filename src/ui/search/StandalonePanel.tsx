/** "Train stand-alone" for the inspected subnet: epochs, the button (or why it cannot run), progress, Cancel, and the result next to the search's estimate. */
import { formatPercent } from '../../charts/pareto-format';
import { useMemo } from 'react';
import { shownRun } from '../../store/history-selectors';
import { formatDuration } from '../../store/run-selectors';
import { defaultStandaloneEpochs } from '../../store/search-archive';
import { runContext, standaloneKey, standaloneProblem } from '../../store/search-selectors';
import type { SearchPoint, StandaloneEntry } from '../../store/search-state';
import { downloadBlob } from '../export/download';
import { studioStore, useStudio } from '../studio';
import { EpochsField } from './EpochsField';
import { trainingPercent } from './search-text';
import { groupDigits } from '../../core/numbers';

/** Why this point's button is off when the studio itself could train: it is queued, training or done. */
function entryReason(entry: StandaloneEntry | null): string | null {
  if (entry?.state === 'queued') return 'This subnet is queued for training.';
  if (entry?.state === 'training') return 'This subnet is training.';
  if (entry?.state === 'done') return 'This subnet is trained; its scores are below.';
  return null;
}

/** The finished training's scores beside the search's own estimate. */
function Scores({
  point,
  entry,
}: {
  readonly point: SearchPoint;
  readonly entry: StandaloneEntry;
}) {
  if (entry.state !== 'done') return null;
  const { score } = entry;
  const estimate =
    point.record.evaluation === 'inherited'
      ? 'search estimate (inherited supernet weights)'
      : 'search estimate (short stand-alone trial)';
  return (
    <table className="metrics-table" data-testid="standalone-result">
      <caption>
        Trained stand-alone for {entry.epochs} epoch{entry.epochs === 1 ? '' : 's'}
      </caption>
      <thead>
        <tr>
          <th scope="col">network</th>
          <th scope="col">validation</th>
          <th scope="col">test</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{estimate}</th>
          <td className="num">{formatPercent(point.record.accuracy)}</td>
          <td className="num">–</td>
        </tr>
        <tr>
          <th scope="row">stand-alone, untrained</th>
          <td className="num">{formatPercent(score.initialValidAcc)}</td>
          <td className="num">–</td>
        </tr>
        <tr>
          <th scope="row">stand-alone, trained</th>
          <td className="num" data-testid="standalone-valid">
            {formatPercent(score.validAcc)}
          </td>
          <td className="num" data-testid="standalone-test">
            {formatPercent(score.testAcc)}
          </td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className="muted">
            {score.steps.toLocaleString()} steps · {score.paramCount.toLocaleString()} params ·
            last-epoch training loss {score.trainLoss.toFixed(4)} ·{' '}
            {formatDuration(score.elapsedMs)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Starts the browser download of the model `zip` as `filename`. */
function saveZip(filename: string, zip: Uint8Array): void {
  downloadBlob(filename, new Blob([new Uint8Array(zip)], { type: 'application/zip' }));
}

/** "Download tfjs model" for a subnet trained stand-alone: the button, then progress text or why it failed. */
function ModelDownload({ point }: { readonly point: SearchPoint }) {
  const state = useStudio((s) =>
    s.run.spec === null
      ? null
      : (s.modelExports[standaloneKey(runContext(s.run.spec), point.record.key)] ?? null),
  );
  const preparing = state?.state === 'preparing';
  return (
    <div className="standalone-controls">
      <button
        type="button"
        className="action"
        data-testid="export-tfjs"
        disabled={preparing}
        title="A zip of model.json and weights.bin: this trained subnet as a tfjs LayersModel (tf.loadLayersModel), giving logits."
        onClick={() => void studioStore.getState().downloadStandaloneModel(point.id, saveZip)}
      >
        Download tfjs model
      </button>
      {preparing ? (
        <span className="muted" data-testid="export-tfjs-progress" role="status">
          Preparing the tfjs model…
        </span>
      ) : null}
      {state?.state === 'failed' ? (
        <span className="field-error" data-testid="export-tfjs-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}

/** The stand-alone training block of the inspector. */
export function StandalonePanel({ point }: { readonly point: SearchPoint }) {
  const problem = useStudio(standaloneProblem);
  const busy = useStudio((s) => s.standaloneBusy);
  const epochs = useStudio((s) => s.search.standaloneEpochs);
  const spec = useStudio((s) => shownRun(s).spec);
  const suggested = useMemo(() => (spec === null ? null : defaultStandaloneEpochs(spec)), [spec]);
  const { trainStandalone, cancelStandalone, setStandaloneEpochs } = studioStore.getState();
  const entry = point.standalone;
  const reason = problem ?? entryReason(entry);
  return (
    <div className="standalone" aria-label="Stand-alone training">
      <h4>Train from scratch</h4>
      <p className="hint">
        Trains this subnet alone, from fresh weights, on the run’s data and seed, then scores it:
        its true accuracy next to the search’s estimate.
      </p>
      <div className="standalone-controls">
        <EpochsField value={epochs} onCommit={setStandaloneEpochs} suggested={suggested} />
        <button
          type="button"
          className="action"
          data-testid="train-standalone"
          disabled={reason !== null}
          title={reason ?? undefined}
          onClick={() => trainStandalone([point.id])}
        >
          Train stand-alone
        </button>
        {busy ? (
          <button
            type="button"
            className="action"
            data-testid="cancel-standalone"
            onClick={cancelStandalone}
          >
            Cancel
          </button>
        ) : null}
        {reason !== null ? (
          <span className="muted" data-testid="standalone-problem">
            {reason}
          </span>
        ) : null}
      </div>
      {entry?.state === 'training' ? (
        <div className="progress-row">
          <progress
            data-testid="standalone-progress"
            max={Math.max(1, entry.totalSteps)}
            value={entry.step}
            aria-label="Stand-alone training progress"
          />
          <span className="step-counter">
            {groupDigits(entry.step)} / {groupDigits(entry.totalSteps)} steps (
            {trainingPercent(entry.step, entry.totalSteps)}
            %)
          </span>
        </div>
      ) : null}
      {entry?.state === 'queued' ? (
        <p className="hint">Queued: it starts when the trainings before it end.</p>
      ) : null}
      {entry?.state === 'stopped' || entry?.state === 'failed' ? (
        <p
          className={entry.state === 'failed' ? 'field-error' : 'hint'}
          data-testid="standalone-ended"
        >
          {entry.message}
        </p>
      ) : null}
      {entry ? <Scores point={point} entry={entry} /> : null}
      {entry?.state === 'done' ? <ModelDownload point={point} /> : null}
    </div>
  );
}

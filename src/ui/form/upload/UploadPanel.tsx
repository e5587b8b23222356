/** Bring your own data: pick a CSV, an image zip or image files; read off the main thread; preview; choose columns or image size; use it. */
import { useState } from 'react';
import type { UploadChoices, UploadFile } from '../../../core/data/upload/parse';
import { UPLOAD_LIMITS } from '../../../core/data/upload/limits';
import type { UploadReading } from '../../../core/data/upload/reading';
import { readUploadOffThread } from '../../../bridge/upload-client';
import { putDataFile } from '../../../storage/data-db';
import { useStudio } from '../../studio';
import { uploadFileOf } from './pick';
import { UploadPreview } from './UploadPreview';

/** CSV controls: the label column, the feature columns (numeric ones), standardisation. */
function TableChoices({
  reading,
  choices,
  onChange,
}: {
  reading: Extract<UploadReading, { ok: true }>['value'];
  choices: UploadChoices;
  onChange: (c: UploadChoices) => void;
}) {
  if (reading.spec.kind !== 'table') return null;
  const { label, features, standardize } = reading.spec;
  return (
    <div className="upload-choices">
      <label>
        Label column{' '}
        <select
          data-testid="upload-label"
          value={label}
          onChange={(e) => onChange({ ...choices, label: e.target.value, features: undefined })}
        >
          {reading.columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="upload-features">
        <legend>Feature columns</legend>
        {reading.columns
          .filter((c) => c.name !== label)
          .map((c) => (
            <label key={c.name} title={c.numeric ? '' : 'Not every value is a number'}>
              <input
                type="checkbox"
                data-testid={`upload-feature-${c.name}`}
                checked={features.includes(c.name)}
                disabled={!c.numeric}
                onChange={(e) =>
                  onChange({
                    ...choices,
                    features: e.target.checked
                      ? reading.columns
                          .map((k) => k.name)
                          .filter((n) => n === c.name || features.includes(n))
                      : features.filter((f) => f !== c.name),
                  })
                }
              />
              {c.name}
            </label>
          ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          data-testid="upload-standardize"
          checked={standardize}
          onChange={(e) => onChange({ ...choices, standardize: e.target.checked })}
        />
        Standardise features (mean and deviation of the training split)
      </label>
    </div>
  );
}

/** Image controls: the side images are resized to, gray or RGB. */
function ImageChoices({
  side,
  channels,
  choices,
  onChange,
}: {
  side: number;
  channels: 1 | 3;
  choices: UploadChoices;
  onChange: (c: UploadChoices) => void;
}) {
  return (
    <div className="upload-choices">
      <label>
        Side (px){' '}
        <input
          type="number"
          data-testid="upload-side"
          min={UPLOAD_LIMITS.minSide}
          max={UPLOAD_LIMITS.maxSide}
          defaultValue={side}
          onBlur={(e) => onChange({ ...choices, side: Number(e.target.value) })}
        />
      </label>
      <label>
        Colour{' '}
        <select
          data-testid="upload-channels"
          value={channels}
          onChange={(e) => onChange({ ...choices, channels: e.target.value === '3' ? 3 : 1 })}
        >
          <option value={1}>Gray</option>
          <option value={3}>RGB</option>
        </select>
      </label>
    </div>
  );
}

/** The upload control of the dataset picker. */
export function UploadPanel() {
  const setUploaded = useStudio((s) => s.setUploadedDataset);
  const [file, setFile] = useState<UploadFile | null>(null);
  const [choices, setChoices] = useState<UploadChoices>({});
  const [last, setLast] = useState<Extract<UploadReading, { ok: true }>['value'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const read = async (f: UploadFile, c: UploadChoices): Promise<void> => {
    setBusy(true);
    setNote(null);
    setChoices(c);
    const reading = await readUploadOffThread(f, c);
    if (reading.ok) {
      setLast(reading.value);
      setProblem(null);
    } else setProblem(reading.problem);
    setBusy(false);
  };
  const pick = async (list: FileList | null): Promise<void> => {
    const f = await uploadFileOf(list === null ? [] : Array.from(list));
    setFile(f);
    setLast(null);
    setProblem(null);
    if (f !== null) await read(f, {});
  };
  const use = async (): Promise<void> => {
    if (file === null || last === null || problem !== null) return;
    const stored = await putDataFile({ hash: last.spec.hash, name: file.name, bytes: file.bytes });
    if (stored !== null) {
      setNote(stored);
      return;
    }
    setUploaded(last.spec);
    setNote(`Using ${file.name}.`);
  };

  const ok = last;
  return (
    <div
      className={dragging ? 'upload-panel upload-dragging' : 'upload-panel'}
      data-testid="upload-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void pick(e.dataTransfer.files);
      }}
    >
      <label className="upload-pick">
        Your own data (pick or drop here): a CSV (header row; label column last by default), a zip
        with one folder per class, or image files named by class{' '}
        <input
          type="file"
          data-testid="upload-input"
          accept=".csv,.zip,.png,.jpg,.jpeg,text/csv,application/zip,image/png,image/jpeg"
          multiple
          onChange={(e) => void pick(e.target.files)}
        />
      </label>
      {busy ? <p className="upload-busy">Reading {file?.name}…</p> : null}
      {problem !== null ? (
        <p className="field-error" role="alert" data-testid="upload-problem">
          {problem}
        </p>
      ) : null}
      {ok !== null && file !== null ? (
        <>
          <p data-testid="upload-summary">
            {file.name}: {ok.spec.rows} examples in {ok.spec.classes} classes
            {ok.spec.kind === 'table'
              ? `, ${ok.spec.features.length} features`
              : `, ${ok.spec.side} × ${ok.spec.side} ${ok.spec.channels === 3 ? 'RGB' : 'gray'}`}
          </p>
          {ok.spec.kind === 'table' ? (
            <TableChoices reading={ok} choices={choices} onChange={(c) => void read(file, c)} />
          ) : (
            <ImageChoices
              side={ok.spec.side}
              channels={ok.spec.channels}
              choices={choices}
              onChange={(c) => void read(file, c)}
            />
          )}
          <UploadPreview
            preview={ok.preview}
            side={ok.spec.kind === 'images' ? ok.spec.side : 0}
            channels={ok.spec.kind === 'images' ? ok.spec.channels : 1}
          />
          <button
            type="button"
            data-testid="upload-use"
            disabled={busy || problem !== null}
            onClick={() => void use()}
          >
            Use this data
          </button>
        </>
      ) : null}
      {note !== null ? <p data-testid="upload-note">{note}</p> : null}
    </div>
  );
}

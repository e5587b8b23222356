/** An experiment on an uploaded file this browser does not have (opened from a link): asks for the file, accepting only the one with the same content hash. */
import { useEffect, useState } from 'react';
import { choicesOf } from '../../../core/data/upload/parse';
import type { UploadSpec } from '../../../core/experiment/spec';
import { readUploadOffThread } from '../../../bridge/upload-client';
import { getDataFile, putDataFile } from '../../../storage/data-db';
import { useMissingData } from './missing-data';
import { uploadFileOf } from './pick';

/** Whether this browser holds the file: still looking, yes, or no. */
type Presence = 'checking' | 'present' | 'missing';

/** Shows nothing while the file is here; otherwise a file input that accepts only the experiment's file. */
export function MissingFile({ upload }: { readonly upload: UploadSpec }) {
  const [presence, setPresence] = useState<Presence>('checking');
  const [message, setMessage] = useState<string | null>(null);
  const setMissing = useMissingData((s) => s.setMissing);
  useEffect(() => {
    setMissing(presence === 'missing' ? upload.hash : null);
  }, [presence, upload.hash, setMissing]);
  useEffect(() => () => setMissing(null), [setMissing]);
  useEffect(() => {
    let live = true;
    setPresence('checking');
    void getDataFile(upload.hash).then((f) => {
      if (live) setPresence(f === null ? 'missing' : 'present');
    });
    return () => {
      live = false;
    };
  }, [upload.hash]);

  const pick = async (list: FileList | null): Promise<void> => {
    const file = await uploadFileOf(list === null ? [] : Array.from(list));
    if (file === null) return;
    setMessage(`Checking ${file.name}…`);
    const reading = await readUploadOffThread(file, choicesOf(upload));
    if (reading.ok && reading.value.spec.hash !== upload.hash) {
      setMessage(
        `${file.name} is not the experiment's file ${upload.name}: its content hash differs, so it was not used.`,
      );
      return;
    }
    if (!reading.ok) {
      setMessage(reading.problem);
      return;
    }
    const stored = await putDataFile({ hash: upload.hash, name: upload.name, bytes: file.bytes });
    if (stored !== null) {
      setMessage(stored);
      return;
    }
    setMessage(null);
    setPresence('present');
  };

  if (presence !== 'missing') return null;
  return (
    <div className="upload-missing field-invalid" data-testid="upload-missing" role="alert">
      <p>
        This experiment runs on your file <strong>{upload.name}</strong> ({upload.rows} examples,{' '}
        {upload.classes} classes), which this browser does not have. Choose that file to run it;
        only the file with the same content (SHA-256 {upload.hash.slice(0, 12)}…) is accepted.
      </p>
      <input
        type="file"
        data-testid="upload-missing-input"
        accept=".csv,.zip,.png,.jpg,.jpeg"
        multiple
        onChange={(e) => void pick(e.target.files)}
      />
      {message !== null ? <p data-testid="upload-missing-message">{message}</p> : null}
    </div>
  );
}

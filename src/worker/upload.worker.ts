/** The upload worker: parses an uploaded file off the main thread and returns its record and preview (buffers transferred). */
import '../core/zod-jitless';
import * as Comlink from 'comlink';
import { parseUpload, type UploadChoices, type UploadFile } from '../core/data/upload/parse';
import { previewOf } from '../core/data/upload/preview';
import type { UploadReader, UploadReading } from '../core/data/upload/reading';

/** The API the page calls. */
const api: UploadReader = {
  /** Parses `file` with `choices`: its record, columns (CSV) and preview, or the problem. */
  async read(file: UploadFile, choices: UploadChoices): Promise<UploadReading> {
    const r = await parseUpload(file, choices);
    if (!r.ok) return r;
    const preview = previewOf(r.value);
    const reading: UploadReading = {
      ok: true,
      value: { spec: r.value.spec, columns: r.value.columns ?? [], preview },
    };
    return Comlink.transfer(
      reading,
      preview.images.map((i) => i.pixels.buffer as ArrayBuffer),
    );
  },
};

Comlink.expose(api);

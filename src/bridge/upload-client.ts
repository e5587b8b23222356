/** The page's handle on the upload worker: parse a file off the main thread, one worker per reading. */
import * as Comlink from 'comlink';
import type { UploadChoices, UploadFile } from '../core/data/upload/parse';
import type { UploadReader, UploadReading } from '../core/data/upload/reading';

/** Reads `file` with `choices` in a fresh worker (terminated after); a worker that fails is a problem, never a throw. */
export async function readUploadOffThread(
  file: UploadFile,
  choices: UploadChoices,
): Promise<UploadReading> {
  const worker = new Worker(new URL('../worker/upload.worker.ts', import.meta.url), {
    type: 'module',
  });
  try {
    const api = Comlink.wrap<UploadReader>(worker);
    return await api.read(file, choices);
  } catch (e) {
    return {
      ok: false,
      problem: `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).`,
    };
  } finally {
    worker.terminate();
  }
}

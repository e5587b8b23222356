/** Raw DEFLATE with a cap on the inflated size, enforced while inflating so a deflate bomb cannot allocate its output. */
import { Inflate, deflateSync } from 'fflate';

/** Input is fed in chunks this small, so one push inflates to at most about 1,032 times as much. */
const INPUT_CHUNK = 256;

/** The outcome of a bounded inflate: the bytes, or why not and how many bytes were produced before stopping. */
export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'corrupt'; readonly produced: number };

/** Compresses bytes with raw DEFLATE at the highest level. */
export function deflateBytes(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9 });
}

/** Inflates raw DEFLATE, stopping as soon as more than `maxBytes` come out or the data is not valid DEFLATE. */
export function inflateBounded(data: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced <= maxBytes) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && produced <= maxBytes; i += INPUT_CHUNK) {
      const end = Math.min(i + INPUT_CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch {
    return { ok: false, reason: 'corrupt', produced };
  }
  if (produced > maxBytes) return { ok: false, reason: 'too-large', produced };
  if (!ended) return { ok: false, reason: 'corrupt', produced };
  const bytes = new Uint8Array(produced);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes };
}

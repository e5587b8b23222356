/**
 * Zip archives of images, inflated with fflate's streaming Unzip so that a zip bomb is stopped as it
 * inflates: declared sizes are checked before a file is started, actual bytes counted chunk by chunk.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { UPLOAD_LIMITS } from './limits';
import { parsed, refused, type Parsed } from './types';

/** One file of an archive (or of a set of uploaded files): its path and bytes. */
export interface ArchiveFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1,032x, so one push inflates at most ~16 MiB before the counts are checked. */
const PUSH_BYTES = 16 * 1024;

const MIB = 1024 * 1024;

/** Whether `bytes` start with a zip signature (a local file header, or the end record of an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/** Entries that are not data: folders, macOS resource forks, hidden files, Windows thumbnails. */
export function isSkippedEntry(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return (
    path.endsWith('/') ||
    path.startsWith('__MACOSX/') ||
    base.startsWith('.') ||
    base.toLowerCase() === 'thumbs.db' ||
    base.toLowerCase() === 'desktop.ini'
  );
}

/** The inflation caps of a zip (UPLOAD_LIMITS' unless a test lowers them). */
export type ZipCaps = Pick<typeof UPLOAD_LIMITS, 'entryBytes' | 'inflatedBytes'>;

/** Inflation state shared by the stream callbacks. */
interface Inflating {
  readonly caps: ZipCaps;
  problem: string | null;
  entries: number;
  declared: number;
  inflated: number;
  readonly open: Set<string>;
  readonly files: ArchiveFile[];
}

/** Starts one entry: refuses nested zips and declared sizes over the caps, then collects and counts its bytes. */
function startEntry(file: UnzipFile, st: Inflating, fileName: string): void {
  if (st.problem !== null) return;
  st.entries += 1;
  if (st.entries > UPLOAD_LIMITS.zipEntries) {
    st.problem = `${fileName} has more than ${UPLOAD_LIMITS.zipEntries.toLocaleString('en-US')} entries.`;
    return;
  }
  if (isSkippedEntry(file.name)) return;
  if (/\.(zip|jar|7z|rar|gz|tgz|tar)$/i.test(file.name)) {
    st.problem = `${fileName} holds another archive (${file.name}); nested archives are not read — unpack it into class folders.`;
    return;
  }
  const declared = file.originalSize ?? 0;
  st.declared += declared;
  const fileOver = declared > st.caps.entryBytes;
  if (fileOver || st.declared > st.caps.inflatedBytes) {
    const amount = `${((fileOver ? declared : st.declared) / MIB).toFixed(1)} MiB`;
    st.problem = `${fileName} declares ${amount} ${fileOver ? `for ${file.name}` : 'in all'} once inflated; the caps are ${st.caps.entryBytes / MIB} MiB a file and ${st.caps.inflatedBytes / MIB} MiB in all.`;
    return;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  st.open.add(file.name);
  file.ondata = (err, chunk, final) => {
    if (st.problem !== null) return;
    if (err !== null) {
      st.problem = `${file.name} in ${fileName} cannot be inflated (${err.message}); the zip is damaged or uses an unsupported method.`;
      return;
    }
    size += chunk.length;
    st.inflated += chunk.length;
    if (size > st.caps.entryBytes || st.inflated > st.caps.inflatedBytes) {
      st.problem = `${fileName} inflates to more than ${size > st.caps.entryBytes ? `${st.caps.entryBytes / MIB} MiB for ${file.name}` : `${st.caps.inflatedBytes / MIB} MiB in all`} (it may be a zip bomb); inflating stopped.`;
      file.terminate();
      return;
    }
    chunks.push(chunk);
    if (final) {
      st.open.delete(file.name);
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      st.files.push({ path: file.name, bytes });
    }
  };
  file.start();
}

/**
 * The data files of a zip (folders, __MACOSX, hidden files skipped), or why it cannot be read: over
 * UPLOAD_LIMITS.zipBytes, not a zip, damaged or truncated, a nested archive, too many entries, or
 * more bytes inflated (declared or actual) than `caps.entryBytes` per file or `caps.inflatedBytes` in all.
 */
export function readZip(
  bytes: Uint8Array,
  fileName: string,
  caps: ZipCaps = UPLOAD_LIMITS,
): Parsed<ArchiveFile[]> {
  if (bytes.length > UPLOAD_LIMITS.zipBytes)
    return refused(
      `${fileName} is ${(bytes.length / MIB).toFixed(1)} MiB; zip files are read up to ${UPLOAD_LIMITS.zipBytes / MIB} MiB.`,
    );
  if (!isZip(bytes)) return refused(`${fileName} is not a zip archive.`);
  const st: Inflating = {
    caps,
    problem: null,
    entries: 0,
    declared: 0,
    inflated: 0,
    open: new Set(),
    files: [],
  };
  const unzip = new Unzip((file) => startEntry(file, st, fileName));
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && st.problem === null; at += PUSH_BYTES) {
      const end = Math.min(bytes.length, at + PUSH_BYTES);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    if (st.problem === null)
      st.problem = `${fileName} is damaged (${e instanceof Error ? e.message : String(e)}).`;
  }
  if (st.problem !== null) return refused(st.problem);
  if (st.open.size > 0)
    return refused(
      `${fileName} is truncated or damaged: ${[...st.open][0] ?? ''} does not end; download it again.`,
    );
  return parsed(st.files);
}

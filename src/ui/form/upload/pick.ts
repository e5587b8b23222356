/** Files the user picked or dropped, as one uploaded file: a CSV or zip as it is, several images packed into one zip. */
import { packImageFiles, type UploadFile } from '../../../core/data/upload/parse';

/** The picked files as one upload (several files, or a single image, are packed by path: folder/name). */
export async function uploadFileOf(files: readonly File[]): Promise<UploadFile | null> {
  const first = files[0];
  if (first === undefined) return null;
  const single = files.length === 1 && !/\.(png|jpe?g)$/i.test(first.name);
  if (single) return { name: first.name, bytes: new Uint8Array(await first.arrayBuffer()) };
  const packed = await Promise.all(
    files.map(async (f) => ({
      path: f.webkitRelativePath !== '' ? f.webkitRelativePath : f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
  return { name: `${files.length} images.zip`, bytes: packImageFiles(packed) };
}

/** Validation of an uploaded dataset's record (DatasetSpec.upload): what a link or spec file says of a file it does not carry. */
import { pushCheck, shown } from '../checks';
import { isContentHash } from '../data/upload/hash';
import { UPLOAD_LIMITS } from '../data/upload/limits';
import type { Problem } from '../problems';
import type { DatasetSpec, UploadSpec } from './spec';

/** Examples an upload can hold at most: data rows of a table, images of a zip. */
export function maxUploadRows(u: Pick<UploadSpec, 'kind'>): number {
  return u.kind === 'table' ? UPLOAD_LIMITS.rows : UPLOAD_LIMITS.images;
}

/** Every problem of `d.upload` for a dataset whose id is 'upload' (paths 'dataset.upload.<field>' and 'dataset.samples'). */
export function validateUpload(d: DatasetSpec): Problem[] {
  const u = d.upload;
  if (u === undefined)
    return [
      {
        path: 'dataset.upload',
        code: 'missing-upload',
        message: 'An uploaded dataset must say which file it is (name, content hash, shape).',
      },
    ];
  const out: Problem[] = [];
  const at = (field: string): string => `dataset.upload.${field}`;
  if (u.name.trim() === '' || u.name.length > 255)
    out.push({
      path: at('name'),
      code: 'bad-name',
      message: 'The uploaded file needs a name of 1 to 255 characters.',
    });
  if (!isContentHash(u.hash))
    out.push({
      path: at('hash'),
      code: 'bad-hash',
      message: `The uploaded file's content hash must be 64 lowercase hex digits (SHA-256) (got ${shown(u.hash.slice(0, 80))}).`,
    });
  const maxBytes = u.kind === 'table' ? UPLOAD_LIMITS.csvBytes : UPLOAD_LIMITS.zipBytes;
  pushCheck(out, at('bytes'), 'File size', u.bytes, { integer: true, min: 1, max: maxBytes });
  pushCheck(out, at('classes'), 'Classes', u.classes, {
    integer: true,
    min: UPLOAD_LIMITS.minClasses,
    max: UPLOAD_LIMITS.maxClasses,
  });
  pushCheck(out, at('rows'), 'Examples in the file', u.rows, {
    integer: true,
    min: 1,
    max: maxUploadRows(u),
  });
  if (u.kind === 'table') {
    if (u.features.length < 1 || u.features.length > UPLOAD_LIMITS.columns - 1)
      out.push({
        path: at('features'),
        code: 'out-of-range',
        message: `A table needs 1 to ${UPLOAD_LIMITS.columns - 1} feature columns (got ${u.features.length}).`,
      });
    if (new Set(u.features).size !== u.features.length || u.features.includes(u.label))
      out.push({
        path: at('features'),
        code: 'duplicate-column',
        message: 'Each feature column may be chosen once, and the label column is not a feature.',
      });
  } else {
    pushCheck(out, at('side'), 'Image side', u.side, {
      integer: true,
      min: UPLOAD_LIMITS.minSide,
      max: UPLOAD_LIMITS.maxSide,
    });
  }
  if (!out.some((p) => p.path === at('rows')))
    pushCheck(out, 'dataset.samples', 'Samples', d.samples, { integer: true, min: 3, max: u.rows });
  return out;
}

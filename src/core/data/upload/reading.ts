/** The page's reading of an uploaded file (made off the main thread): the record, columns and preview, or the problem. */
import type { UploadSpec } from '../../experiment/spec';
import type { UploadChoices, UploadFile } from './parse';
import type { UploadPreview } from './preview';
import type { Parsed } from './types';

/** A reading of an uploaded file: its record, its columns (CSV; empty for images) and a preview, or the problem. */
export type UploadReading = Parsed<{
  readonly spec: UploadSpec;
  readonly columns: readonly { readonly name: string; readonly numeric: boolean }[];
  readonly preview: UploadPreview;
}>;

/** What the upload worker offers. */
export interface UploadReader {
  /** Parses `file` with `choices`. */
  read(file: UploadFile, choices: UploadChoices): Promise<UploadReading>;
}

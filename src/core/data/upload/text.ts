/** Uploaded text: UTF-8 only, and never a binary file read as text. */
import { parsed, refused, type Parsed } from './types';

/** The text of `bytes` (a leading byte-order mark dropped), or why it is not UTF-8 text. */
export function utf8Text(bytes: Uint8Array, fileName: string): Parsed<string> {
  if (bytes.includes(0))
    return refused(
      `${fileName} holds binary data (a zero byte), not CSV text; save it as a UTF-8 CSV file.`,
    );
  try {
    return parsed(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refused(
      `${fileName} is not UTF-8 text; save it as a UTF-8 CSV file (spreadsheet programs offer "CSV UTF-8").`,
    );
  }
}

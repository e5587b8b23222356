/** The error a chart export fails with, worded for the user. */

/** Why a chart could not be exported, in words for the user. */
export class ChartExportError extends Error {
  override readonly name = 'ChartExportError';
}

/**
 * A problem with the file as a whole: nothing of it is written. The CLI exits
 * with 2 and the job fails with `fileError` set to the message. Pure: no I/O.
 */
export type FileErrorReason =
  | 'empty'
  | 'header_only'
  | 'binary'
  | 'encoding'
  | 'no_name_column'
  | 'bad_mapping'
  | 'too_large'
  | 'unreadable';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly reason: FileErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** One bad row (or cell): the physical line of the file, the column as written in the header, the problem. */
export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

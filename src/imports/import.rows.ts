import { toColumns } from '../records/record.diff.ts';
import { mapColumns, type ColumnMapping } from '../core/records/index.ts';
import { extraPlan, splitExtra } from './extra-columns.ts';
import { openCsv } from './csv-reader.ts';
import { ImportFileError, type RowError } from '../core/records/index.ts';
import { IdSet } from '../core/records/index.ts';
import type { ImportTally } from './import-report.ts';
import type { EncodedFields } from './import.store.ts';
import { recordFields, type PreparedRow } from './import.writer.ts';
import { contentHash, derivedExternalId } from '../core/records/index.ts';
import { DEFAULT_VALIDATION, validateRow } from '../core/records/index.ts';
import type { ImportOptions } from './import.service.ts';
import { crashPoint } from '../shared/crash-point.ts';

export const DEFAULT_BATCH_SIZE = 5_000;
/** Rows read before the file's row count is estimated (see IdSet.reserve). */
const SIZE_ESTIMATE_ROWS = 20_000;
/** A batch is also cut at this many characters, so rows with long biographies keep memory flat too. */
const BATCH_CHARS = 4_000_000;

/**
 * The file's valid rows in batches, for both write paths (row by row and bulk):
 * parsed, validated, identified, de-duplicated within the file, and their
 * fields encoded by the store. Invalid and repeated rows go to the tally as
 * row errors (line and column). Without `encode` (--strict's first pass) it only
 * validates and yields nothing. The caller consumes a batch before the next is
 * read, so at most a batch or two are in memory.
 */
export async function* preparedBatches(
  options: ImportOptions,
  tally: ImportTally,
  encode: ((values: readonly unknown[]) => EncodedFields) | null,
): AsyncGenerator<PreparedRow[]> {
  const reader = await openCsv(options.open(), { encoding: options.encoding });
  const mapping: ColumnMapping = mapColumns(reader.headers, { overrides: options.map, sourceGiven: options.source !== undefined });
  tally.warnings.push(...mapping.warnings);
  const extras = extraPlan(mapping, options.publicColumns ?? []);
  if (extras.warning) tally.warnings.push(extras.warning);
  if (reader.encoding.encoding === 'cp1251') {
    tally.warnings.push(reader.encoding.detected ? 'the file is not UTF-8: it was read as Windows-1251 (cp1251)' : 'the file was read as Windows-1251 (cp1251), as asked');
  }
  const idColumn = mapping.byTarget.externalId === undefined ? null : mapping.columns[mapping.byTarget.externalId]!.header;
  const validation = options.validation ?? DEFAULT_VALIDATION;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const seen = new IdSet();
  let batch: PreparedRow[] = [];
  let batchChars = 0;
  let ord = 0;
  const reject = (errors: readonly RowError[]) => {
    tally.invalid++;
    tally.addErrors(errors);
  };

  for await (const record of reader.records) {
    for (const e of record.errorsBefore) reject([e]);
    const result = validateRow(record.fields, record.line, mapping, validation);
    if (result.kind === 'blank') continue;
    tally.rowsRead++;
    crashPoint('parse');
    if (result.kind === 'invalid') {
      reject(result.errors);
    } else {
      const row = result.row;
      const source = options.source ?? row.source ?? options.fileName;
      const externalId = row.externalId ?? derivedExternalId(row);
      const first = seen.firstLine(`${source}\u0001${externalId}`, row.line);
      if (first !== undefined) {
        reject([
          {
            line: row.line,
            column: row.externalId ? idColumn : null,
            message: row.externalId
              ? `external id "${externalId}" repeats the row on line ${first}`
              : `the row repeats line ${first} exactly (no external id; its derived id ${externalId} is the same)`,
          },
        ]);
      } else if (encode) {
        const columns = toColumns(row.values);
        const hash = contentHash(row);
        const extra = splitExtra(row.extra, extras);
        batch.push({
          ord: ord++,
          line: row.line,
          source,
          externalId,
          contentHash: hash,
          fullName: columns.full_name as string,
          birthYear: (columns.birth_year as number | null | undefined) ?? null,
          birthplace: (columns.birthplace as string | null | undefined) ?? null,
          fields: encode(recordFields(source, externalId, hash, columns, extra.public, extra.private)),
        });
        for (const field of record.fields) batchChars += field.length;
        if (batch.length >= batchSize || batchChars >= BATCH_CHARS) {
          yield batch;
          batch = [];
          batchChars = 0;
        }
      }
    }
    if (tally.rowsRead === SIZE_ESTIMATE_ROWS && options.bytesTotal) {
      // The file's rows, estimated from its first ones: the id set grows once, now, not by doubling later.
      seen.reserve(Math.ceil((options.bytesTotal / Math.max(1, reader.bytesRead())) * tally.rowsRead));
    }
    if ((tally.rowsRead & 255) === 0) {
      // Parsing never waits on its own (records come as microtasks): let the
      // writers' database replies in, or each round trip waits for a whole chunk.
      await new Promise((resolve) => setImmediate(resolve));
      tally.bytesRead = reader.bytesRead();
      if ((tally.rowsRead & 1023) === 0) options.onProgress?.(tally);
    }
  }
  for (const e of reader.trailingErrors()) reject([e]);
  if (tally.rowsRead === 0 && tally.invalid === 0) {
    throw new ImportFileError('header_only', `The file has a header row (${reader.headers.join(', ')}) but no records. Nothing was imported.`);
  }
  if (batch.length > 0) yield batch;
  tally.bytesRead = reader.bytesRead();
  options.onProgress?.(tally);
}

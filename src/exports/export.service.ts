import type { Kysely } from 'kysely';
import type { AttestedNameDto } from '../records/attested-names.service.ts';
import type { Database } from '../db/database.ts';
import type { DB, RecordRow } from '../db/schema.ts';
import { claimsAndConflictsOf } from '../records/records.service.ts';
import { FIELD_BY_NAME } from '../core/records/index.ts';
import { toRecordDto } from '../records/record.dto.ts';
import { spreadsheetCsvLine } from './csv.ts';
import { attestedNamesOf, exportPage, extraKeys, type ExportCursor } from './export.repository.ts';
import { PRIVATE_PREFIX, csvFieldsOf, csvLayout, type CsvLayout, type ExportFormat, type ExportedClaim, type ExportedConflict, type ExportedRecord } from './export.layout.ts';

/**
 * Streams every record (or one source's) with its attested names, as CSV or
 * JSONL, to `write`. Keyset pages of `pageSize` records; each page's text goes
 * out in chunks of about 64 KiB, and `write` resolves only when the sink has
 * room again (backpressure), so memory stays flat whatever the database size.
 *
 * On PostgreSQL the whole export reads one snapshot (a REPEATABLE READ, READ
 * ONLY transaction): it is the database at one moment, and the CSV header
 * (which needs every extra key first) matches every row. PGlite has one
 * connection that a long transaction would hold from every other request, so
 * there pages are read one by one; a record changed during the export is
 * exported as it was when its page was read, and a new extra key that appears
 * mid-export stops the CSV export (ExportChangedError: run it again).
 */
export interface ExportOptions {
  format: ExportFormat;
  source?: string | undefined;
  pageSize?: number;
}

export interface ExportResult {
  records: number;
}

export const EXPORT_PAGE_SIZE = 1_000;
const CHUNK_CHARS = 64 * 1024;

export class ExportChangedError extends Error {
  constructor(key: string) {
    super(`the records changed during the export (a record now has the extra column "${key}", which the CSV header lacks); run the export again`);
  }
}

export async function exportRecords(database: Database, options: ExportOptions, write: (chunk: string) => Promise<void>): Promise<ExportResult> {
  if (database.backend === 'postgres') {
    return database.readDb
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => exportFrom(trx, options, write));
  }
  return exportFrom(database.readDb, options, write);
}

async function exportFrom(db: Kysely<DB>, options: ExportOptions, write: (chunk: string) => Promise<void>): Promise<ExportResult> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  let layout: CsvLayout | undefined;
  let known: Set<string> | undefined;
  let buffer = '';
  const emit = async (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      const chunk = buffer;
      buffer = '';
      await write(chunk);
    }
  };
  if (options.format === 'csv') {
    layout = csvLayout(await extraKeys(db, options.source), { privateKeys: await extraKeys(db, options.source, 'extra_private') });
    known = new Set([...layout.extraKeys, ...layout.privateKeys.map((k) => `${PRIVATE_PREFIX}${k}`)]);
    await emit(spreadsheetCsvLine(layout.headers));
  }

  let records = 0;
  let cursor: ExportCursor | null = null;
  for (;;) {
    const rows = await exportPage(db, options.source, cursor, pageSize);
    if (rows.length === 0) break;
    const annotations = await annotationsOf(db, rows);
    for (const row of rows) {
      // Export is for staff: private columns go with it, marked private.
      const id = String(row.id);
      const record: ExportedRecord = {
        ...toRecordDto(row),
        attestedNames: annotations.attested.get(id) ?? [],
        privateExtra: row.extra_private ?? {},
        claims: annotations.claims.get(id) ?? [],
        conflicts: annotations.conflicts.get(id) ?? [],
      };
      if (layout) {
        for (const key of Object.keys(record.extra)) if (!known!.has(key)) throw new ExportChangedError(key);
        for (const key of Object.keys(record.privateExtra ?? {})) if (!known!.has(`${PRIVATE_PREFIX}${key}`)) throw new ExportChangedError(key);
        await emit(spreadsheetCsvLine(csvFieldsOf(record, layout)));
      } else {
        await emit(`${JSON.stringify(record)}\n`);
      }
    }
    records += rows.length;
    const last = rows.at(-1)!;
    cursor = options.source === undefined ? { id: last.id } : { externalId: last.external_id };
    if (rows.length < pageSize) break;
  }
  if (buffer) await write(buffer);
  return { records };
}

/** What a page's records carry besides their columns: attested names, active claims and open conflicts, by record id. */
async function annotationsOf(db: Kysely<DB>, rows: readonly RecordRow[]) {
  const ids = rows.map((r) => String(r.id));
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const [names, { claims, conflicts }] = await Promise.all([attestedNamesOf(db, ids), claimsAndConflictsOf(db, ids)]);
  return {
    attested: groupBy(names, (n): AttestedNameDto => ({ hanzi: n.hanzi, pinyin: n.pinyin, evidence: n.evidence, approvedAt: iso(n.approved_at) })),
    claims: groupBy(claims, (c): ExportedClaim => ({
      field: c.field,
      value: c.value,
      sourceValue: sourceValueOf(byId.get(String(c.record_id))!, c.field),
      evidence: c.evidence,
      approvedAt: iso(c.approved_at),
    })),
    conflicts: groupBy(conflicts, (c): ExportedConflict => ({
      field: c.field,
      correctedValue: c.corrected_value,
      sourceValue: c.source_value,
      previousSourceValue: c.previous_source_value,
      createdAt: iso(c.created_at),
    })),
  };
}

const iso = (t: Date | string) => new Date(t).toISOString();

function groupBy<R extends { record_id: string | number }, T>(rows: readonly R[], map: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row.record_id);
    const list = out.get(key) ?? [];
    list.push(map(row));
    out.set(key, list);
  }
  return out;
}

/** The source's own value of a claimed field (kept in source_values since the claim was approved; record.diff.ts). */
function sourceValueOf(row: RecordRow, fieldName: string): unknown {
  const sourceValues = (row.source_values ?? {}) as Record<string, unknown>;
  if (fieldName in sourceValues) return sourceValues[fieldName] ?? null;
  const column = FIELD_BY_NAME.get(fieldName)?.column;
  return column ? ((row as unknown as Record<string, unknown>)[column] ?? null) : null;
}

/**
 * `write` for a Node stream (stdout, an HTTP response): resolves at once while
 * the stream has room, otherwise on 'drain'; rejects when the stream closes or
 * fails first (the reader went away), which stops the export.
 */
export function streamWriter(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      const s = stream as NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean };
      if (s.destroyed || s.writableEnded) return reject(new StreamClosedError());
      if (stream.write(chunk)) return resolve();
      const done = (err?: unknown) => {
        stream.off('drain', onDrain);
        stream.off('close', onClose);
        stream.off('error', onError);
        if (err) reject(err);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new StreamClosedError());
      const onError = (err: unknown) => done(err);
      stream.on('drain', onDrain);
      stream.on('close', onClose);
      stream.on('error', onError);
    });
}

export class StreamClosedError extends Error {
  constructor() {
    super('the output was closed before the export finished');
  }
}

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { mapColumns } from '../core/records/index.ts';
import { ImportFileError } from '../core/records/index.ts';
import type { ImportTally } from '../imports/import-report.ts';
import { runImport, type ImportReport } from '../imports/import.service.ts';
import { appendRecordEvent, replaceReadings } from '../records/record.writer.ts';
import type { Logger } from '../shared/logger.ts';
import { csvLine, fromSpreadsheetCell } from './csv.ts';
import { insertAttestedName } from '../corrections/corrections.repository.ts';
import { attestedNamesForUpdate, findRecordIds } from './export.repository.ts';
import { csvFieldsOf, csvLayout, isAttestedHeader, type ExportFormat, type ExportedRecord } from './export.layout.ts';

/**
 * Loads a namebridge export (CSV or JSONL) into a database: the records through
 * the importer (runImport: validation, idempotent upsert on (source, external
 * id), history, readings), then the attested names, which the importer does not
 * know. Two passes over the file: the first checks the attested names (and, for
 * JSONL, gathers the extra keys the CSV header needs); the second feeds the
 * importer a CSV of the records — the export's own CSV without its
 * attested_names column, or the JSONL written as the export's CSV.
 *
 * An attested name is added to the record with the same (source, external id)
 * unless the record already has one with the same characters, pinyin and
 * evidence (so a restore run twice adds nothing), keeping its approval time; it
 * is recorded as approved by the actor of the restore (no correction of this
 * database stands behind it), the record's history gets an
 * `attested_name.restored` event, and its readings are derived again.
 */
export interface RestoreOptions {
  file: string;
  format?: ExportFormat | undefined;
  actor: string;
  connectionString?: string | undefined;
  batchSize?: number;
  onProgress?: (tally: ImportTally) => void;
}

export interface RestoreReport {
  format: ExportFormat;
  /** null when the file was refused before anything was imported. */
  import: ImportReport | null;
  exitCode: 0 | 1 | 2;
  fileError: string | null;
  attestedNames: { restored: number; unchanged: number; missingRecords: number };
}

const attestedNameSchema = z
  .object({
    hanzi: z.string().min(1).max(50).nullable(),
    pinyin: z.string().min(1).max(200),
    evidence: z.string().min(1).max(10_000),
    approvedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
const attestedListSchema = z.array(attestedNameSchema).max(1_000);
type AttestedName = z.output<typeof attestedNameSchema>;

interface Attested {
  source: string;
  externalId: string;
  names: AttestedName[];
}

export function formatOfFile(file: string): ExportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = fs.readSync(fd, head, 0, 64, 0);
    return head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv';
  } finally {
    fs.closeSync(fd);
  }
}

export async function restoreExport(database: Database, options: RestoreOptions, logger?: Logger): Promise<RestoreReport> {
  const format = options.format ?? formatOfFile(options.file);
  const empty = { restored: 0, unchanged: 0, missingRecords: 0 };
  let scanned: { attested: Attested[]; extraKeys: Set<string>; privateKeys: Set<string> };
  try {
    scanned = format === 'csv' ? await scanCsv(options.file) : await scanJsonl(options.file);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    return { format, import: null, exitCode: 2, fileError: err.message, attestedNames: empty };
  }
  const open = format === 'csv' ? () => csvWithoutAttested(options.file) : () => jsonlAsCsv(options.file, scanned.extraKeys, scanned.privateKeys);
  const report = await runImport(
    database,
    {
      open,
      fileName: path.basename(options.file),
      actor: options.actor,
      connectionString: options.connectionString,
      // The export marks private columns (private:NAME); every other extra column was public.
      publicColumns: 'all',
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    logger,
  );
  if (report.exitCode === 2) return { format, import: report, exitCode: 2, fileError: report.fileError?.message ?? null, attestedNames: empty };
  const attestedNames = await restoreAttestedNames(database, scanned.attested, options.actor, report.jobId);
  return { format, import: report, exitCode: report.exitCode, fileError: null, attestedNames };
}

async function restoreAttestedNames(database: Database, attested: Attested[], actor: string, jobId: number) {
  const outcome = { restored: 0, unchanged: 0, missingRecords: 0 };
  const CHUNK = 500;
  for (let i = 0; i < attested.length; i += CHUNK) {
    const chunk = attested.slice(i, i + CHUNK);
    await database.db.transaction().execute(async (trx) => {
      const found = await findRecordIds(trx, chunk);
      const idOf = new Map(found.map((r) => [`${r.source}\u0001${r.external_id}`, String(r.id)]));
      const existing = await attestedNamesForUpdate(trx, [...idOf.values()]);
      const have = new Set(existing.map((e) => nameKey(String(e.record_id), e)));
      const changed = new Set<string>();
      for (const entry of chunk) {
        const recordId = idOf.get(`${entry.source}\u0001${entry.externalId}`);
        if (recordId === undefined) {
          outcome.missingRecords++;
          continue;
        }
        for (const name of entry.names) {
          const key = nameKey(recordId, name);
          if (have.has(key)) {
            outcome.unchanged++;
            continue;
          }
          have.add(key);
          await insertAttestedName(trx, { recordId, hanzi: name.hanzi, pinyin: name.pinyin, evidence: name.evidence, correctionId: null, approvedAt: name.approvedAt, approvedBy: actor });
          await appendRecordEvent(trx, {
            recordId,
            kind: 'attested_name.restored',
            actor,
            data: { hanzi: name.hanzi, pinyin: name.pinyin, approvedAt: name.approvedAt, importJob: jobId },
          });
          changed.add(recordId);
          outcome.restored++;
        }
      }
      await replaceReadings(trx, [...changed]);
    });
  }
  return outcome;
}

const nameKey = (recordId: string, n: { hanzi: string | null; pinyin: string; evidence: string }) => JSON.stringify([recordId, n.hanzi, n.pinyin, n.evidence]);

function parseAttested(text: string, line: number): AttestedName[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportFileError('unreadable', `line ${line}: the attested names are not JSON. Nothing was imported.`);
  }
  const parsed = attestedListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportFileError('unreadable', `line ${line}: the attested names are not a list of {hanzi, pinyin, evidence, approvedAt} (${issue.path.join('.')}: ${issue.message}). Nothing was imported.`);
  }
  return parsed.data;
}

/** Our export's cells, with the `'` the export put before spreadsheet formulas taken off again (csv.ts). */
const csvParser = (file: string) =>
  fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true, cast: fromSpreadsheetCell }));

/** First pass over an export CSV: its attested names, checked. */
async function scanCsv(file: string): Promise<{ attested: Attested[]; extraKeys: Set<string>; privateKeys: Set<string> }> {
  const attested: Attested[] = [];
  let columns: { attested: number; source: number | undefined; externalId: number | undefined } | undefined;
  try {
    for await (const { record, info } of csvParser(file) as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        const mapping = mapColumns(record);
        columns = { attested: record.findIndex(isAttestedHeader), source: mapping.byTarget.source, externalId: mapping.byTarget.externalId };
        continue;
      }
      const cell = columns.attested < 0 ? '' : (record[columns.attested] ?? '').trim();
      if (!cell) continue;
      const source = columns.source === undefined ? '' : (record[columns.source] ?? '').trim();
      const externalId = columns.externalId === undefined ? '' : (record[columns.externalId] ?? '').trim();
      if (!source || !externalId) throw new ImportFileError('unreadable', `line ${info.lines}: a row with attested names needs its source and external id. Nothing was imported.`);
      attested.push({ source, externalId, names: parseAttested(cell, info.lines) });
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('unreadable', `The file is not a readable CSV export: ${(err as Error).message}. Nothing was imported.`);
  }
  if (!columns) throw new ImportFileError('empty', 'The file is empty. Nothing was imported.');
  return { attested, extraKeys: new Set(), privateKeys: new Set() };
}

/** Second pass: the export CSV as the importer should see it (the attested_names column left out). */
async function* csvWithoutAttested(file: string): AsyncGenerator<string> {
  let skip = -1;
  let first = true;
  let buffer = '';
  for await (const { record } of csvParser(file) as AsyncIterable<{ record: string[] }>) {
    if (first) {
      skip = record.findIndex(isAttestedHeader);
      first = false;
    }
    buffer += csvLine(skip < 0 ? record : record.filter((_, i) => i !== skip));
    if (buffer.length >= 64 * 1024) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

async function* jsonlRecords(file: string): AsyncGenerator<{ record: Partial<ExportedRecord>; line: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new ImportFileError('unreadable', `line ${line} is not JSON: a JSONL export has one record object per line. Nothing was imported.`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new ImportFileError('unreadable', `line ${line} is not a record object. Nothing was imported.`);
    }
    yield { record: value as Partial<ExportedRecord>, line };
  }
}

/** First pass over a JSONL export: its attested names, checked, and every extra key. */
async function scanJsonl(file: string): Promise<{ attested: Attested[]; extraKeys: Set<string>; privateKeys: Set<string> }> {
  const attested: Attested[] = [];
  const extraKeys = new Set<string>();
  const privateKeys = new Set<string>();
  let records = 0;
  for await (const { record, line } of jsonlRecords(file)) {
    records++;
    if (record.extra && typeof record.extra === 'object') for (const key of Object.keys(record.extra)) extraKeys.add(key);
    if (record.privateExtra && typeof record.privateExtra === 'object') for (const key of Object.keys(record.privateExtra)) privateKeys.add(key);
    if (record.attestedNames === undefined || (Array.isArray(record.attestedNames) && record.attestedNames.length === 0)) continue;
    const names = parseAttested(JSON.stringify(record.attestedNames), line);
    if (typeof record.source !== 'string' || typeof record.externalId !== 'string') {
      throw new ImportFileError('unreadable', `line ${line}: a record with attested names needs its source and externalId. Nothing was imported.`);
    }
    attested.push({ source: record.source.trim(), externalId: record.externalId.trim(), names });
  }
  if (records === 0) throw new ImportFileError('empty', 'The file has no records. Nothing was imported.');
  return { attested, extraKeys, privateKeys };
}

/** Second pass: the JSONL records written as the export's CSV (without attested names), for the importer. */
async function* jsonlAsCsv(file: string, extraKeys: Set<string>, privateKeys: Set<string>): AsyncGenerator<string> {
  const layout = csvLayout(extraKeys, { attested: false, privateKeys });
  let buffer = csvLine(layout.headers);
  for await (const { record } of jsonlRecords(file)) {
    buffer += csvLine(csvFieldsOf({ attestedNames: [], extra: {}, ...record } as ExportedRecord, layout));
    if (buffer.length >= 64 * 1024) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

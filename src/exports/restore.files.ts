import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { mapColumns } from '../core/records/index.ts';
import { openCsv } from '../imports/csv-reader.ts';
import { ImportFileError, type RowError } from '../core/records/index.ts';
import { FIELD_BY_NAME } from '../core/records/index.ts';
import { csvLine, fromSpreadsheetCell } from './csv.ts';
import { csvFieldsOf, csvLayout, jsonColumnIndexes, type ExportFormat, type ExportedRecord, type JsonColumnKey } from './export.layout.ts';
import { cellOf, hasAnnotations, parseList, type Annotations, type ExportClaimInput } from './restore.input.ts';

/**
 * Reading an export back, in two passes. The first (scan) checks every JSON
 * column and keeps the records that carry attested names, claims or conflicts
 * (and, for JSONL, every extra key, which the CSV header needs). The second
 * (importerCsv) is what the importer reads: the records as CSV without the
 * JSON columns, each claimed field holding its source's value — the record
 * is imported as its source says, and the claims go back over it afterwards.
 * An export made before claims were exported has none: it restores as it did.
 */
export type AnnotatedRecord = Annotations & { source: string; externalId: string };

export interface Scanned {
  annotated: AnnotatedRecord[];
  extraKeys: Set<string>;
  privateKeys: Set<string>;
}

const JSON_KEYS: readonly JsonColumnKey[] = ['attestedNames', 'claims', 'conflicts'];

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

export const scanExport = (file: string, format: ExportFormat): Promise<Scanned> => (format === 'csv' ? scanCsv(file) : scanJsonl(file));

export const importerCsv = (file: string, format: ExportFormat, scanned: Scanned): AsyncGenerator<string> =>
  format === 'csv' ? csvForImporter(file) : jsonlForImporter(file, scanned.extraKeys, scanned.privateKeys);

/**
 * Our export's rows, on the importer's own reader (papaparse; csv-reader.ts),
 * with the `'` the export put before spreadsheet formulas taken off again
 * (csv.ts). A broken row (quoting) is no export of ours: the file is refused.
 */
async function* exportRows(file: string): AsyncGenerator<{ fields: string[]; line: number }> {
  let reader;
  try {
    reader = await openCsv(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), { encoding: 'utf8' });
  } catch (err) {
    if (err instanceof ImportFileError && err.reason === 'empty') throw new ImportFileError('empty', 'The file is empty. Nothing was imported.');
    throw err;
  }
  const broken = (errors: readonly RowError[]) => {
    if (errors.length > 0) throw new ImportFileError('unreadable', `The file is not a readable CSV export: line ${errors[0]!.line}: ${errors[0]!.message}. Nothing was imported.`);
  };
  yield { fields: reader.headers.map(fromSpreadsheetCell), line: reader.headerLine };
  for await (const record of reader.records) {
    broken(record.errorsBefore);
    if (record.fields.length === 1 && record.fields[0] === '') continue;
    yield { fields: record.fields.map(fromSpreadsheetCell), line: record.line };
  }
  broken(reader.trailingErrors());
}

async function scanCsv(file: string): Promise<Scanned> {
  const annotated: AnnotatedRecord[] = [];
  let columns: { json: Record<JsonColumnKey, number>; source: number | undefined; externalId: number | undefined } | undefined;
  for await (const { fields: record, line } of exportRows(file)) {
    if (!columns) {
      const mapping = mapColumns(record);
      columns = { json: jsonColumnIndexes(record), source: mapping.byTarget.source, externalId: mapping.byTarget.externalId };
      continue;
    }
    const cell = (i: number | undefined) => (i === undefined || i < 0 ? '' : (record[i] ?? '').trim());
    const json = columns.json;
    // Most rows carry none: three empty cells, nothing parsed.
    if (!cell(json.attestedNames) && !cell(json.claims) && !cell(json.conflicts)) continue;
    const annotations = {
      attestedNames: parseList('attestedNames', cell(json.attestedNames), line),
      claims: parseList('claims', cell(json.claims), line),
      conflicts: parseList('conflicts', cell(json.conflicts), line),
    };
    const source = cell(columns.source);
    const externalId = cell(columns.externalId);
    if (!source || !externalId) throw new ImportFileError('unreadable', `line ${line}: a row with attested names or claims needs its source and external id. Nothing was imported.`);
    annotated.push({ source, externalId, ...annotations });
  }
  if (!columns) throw new ImportFileError('empty', 'The file is empty. Nothing was imported.');
  return { annotated, extraKeys: new Set(), privateKeys: new Set() };
}

/** The export CSV as the importer should see it: no JSON columns, claimed fields holding their source's value. */
async function* csvForImporter(file: string): AsyncGenerator<string> {
  let skip = new Set<number>();
  let claimsAt = -1;
  let fieldAt: Partial<Record<string, number>> = {};
  let first = true;
  let buffer = '';
  for await (const { fields: record } of exportRows(file)) {
    if (first) {
      const json = jsonColumnIndexes(record);
      skip = new Set(Object.values(json).filter((i) => i >= 0));
      claimsAt = json.claims;
      fieldAt = mapColumns(record).byTarget;
      first = false;
    } else if (claimsAt >= 0 && record[claimsAt]?.trim()) {
      // Checked by the scan already.
      for (const claim of parseList('claims', record[claimsAt]!.trim(), 0)) {
        const at = fieldAt[claim.field];
        if (at !== undefined) record[at] = cellOf(claim.sourceValue);
      }
    }
    buffer += csvLine(skip.size === 0 ? record : record.filter((_, i) => !skip.has(i)));
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

async function scanJsonl(file: string): Promise<Scanned> {
  const scanned: Scanned = { annotated: [], extraKeys: new Set(), privateKeys: new Set() };
  let records = 0;
  for await (const { record, line } of jsonlRecords(file)) {
    records++;
    if (record.extra && typeof record.extra === 'object') for (const key of Object.keys(record.extra)) scanned.extraKeys.add(key);
    if (record.privateExtra && typeof record.privateExtra === 'object') for (const key of Object.keys(record.privateExtra)) scanned.privateKeys.add(key);
    const annotations = Object.fromEntries(JSON_KEYS.map((key) => [key, parseList(key, record[key], line)])) as unknown as Annotations;
    if (!hasAnnotations(annotations)) continue;
    if (typeof record.source !== 'string' || typeof record.externalId !== 'string') {
      throw new ImportFileError('unreadable', `line ${line}: a record with attested names or claims needs its source and externalId. Nothing was imported.`);
    }
    scanned.annotated.push({ source: record.source.trim(), externalId: record.externalId.trim(), ...annotations });
  }
  if (records === 0) throw new ImportFileError('empty', 'The file has no records. Nothing was imported.');
  return scanned;
}

/** The JSONL records written as the export's CSV (no JSON columns, claimed fields holding their source's value). */
async function* jsonlForImporter(file: string, extraKeys: Set<string>, privateKeys: Set<string>): AsyncGenerator<string> {
  const layout = csvLayout(extraKeys, { json: false, privateKeys });
  let buffer = csvLine(layout.headers);
  for await (const { record } of jsonlRecords(file)) {
    const claims = Array.isArray(record.claims) ? (record.claims as ExportClaimInput[]) : [];
    const sourceLayer: Record<string, unknown> = {};
    for (const claim of claims) if (FIELD_BY_NAME.has(claim.field)) sourceLayer[claim.field] = claim.sourceValue;
    buffer += csvLine(csvFieldsOf({ attestedNames: [], extra: {}, ...record, ...sourceLayer } as ExportedRecord, layout));
    if (buffer.length >= 64 * 1024) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

import fs from 'node:fs';
import path from 'node:path';
import { restoreAttestedNames, type AttestedRestoreOutcome } from '../corrections/attested.restore.ts';
import type { Database } from '../db/database.ts';
import { ImportFileError } from '../core/records/index.ts';
import type { ImportTally } from '../imports/import-report.ts';
import { runImport, type ImportOptions, type ImportReport } from '../imports/import.service.ts';
import { restoreClaims, type ClaimsRestoreOutcome } from '../records/claims.restore.ts';
import type { Logger } from '../shared/logger.ts';
import type { ExportFormat } from './export.layout.ts';
import { formatOfFile, importerCsv, scanExport, type Scanned } from './restore.files.ts';
import { toRestoredClaim } from './restore.input.ts';

export { formatOfFile };

/**
 * Loads a namebridge export (CSV or JSONL) into a database, each part through
 * the module that owns it:
 *
 * 1. the records through the importer (runImport: validation, idempotent
 *    upsert on (source, external id), history, readings), each claimed field
 *    holding its source's value (restore.files.ts);
 * 2. the attested names through the corrections module (attested.restore.ts);
 * 3. the claims and open conflicts through the records module
 *    (claims.restore.ts): each claim goes back over its field as an approval
 *    does, so the restored database shows the corrected values, keeps the
 *    source's values apart (sourceValues) and a later re-import of the source
 *    never reverts a correction.
 *
 * Nothing is written before the whole file has been checked (the scan). An
 * export made before claims were exported restores as it always did: its
 * records as they were displayed, with no claims behind them.
 */
export interface RestoreOptions {
  file: string;
  format?: ExportFormat | undefined;
  actor: string;
  connectionString?: string | undefined;
  batchSize?: number;
  onProgress?: (tally: ImportTally) => void;
  /** Person-link proposals for the restored records, as for an import (ImportOptions.links); false: none (`--no-link`). */
  links?: ImportOptions['links'];
  /** The importer's write path: 'auto' (default) takes the bulk path for a file large relative to the table — a full restore into an empty database. */
  bulk?: ImportOptions['bulk'];
}

export interface RestoreReport {
  format: ExportFormat;
  /** null when the file was refused before anything was imported. */
  import: ImportReport | null;
  exitCode: 0 | 1 | 2;
  fileError: string | null;
  attestedNames: AttestedRestoreOutcome;
  claims: ClaimsRestoreOutcome;
}

export async function restoreExport(database: Database, options: RestoreOptions, logger?: Logger): Promise<RestoreReport> {
  const format = options.format ?? formatOfFile(options.file);
  const none = { attestedNames: { restored: 0, unchanged: 0, missingRecords: 0 }, claims: { restored: 0, unchanged: 0, conflicts: 0, missingRecords: 0 } };
  let scanned: Scanned;
  try {
    scanned = await scanExport(options.file, format);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    return { format, import: null, exitCode: 2, fileError: err.message, ...none };
  }
  const report = await runImport(
    database,
    {
      open: () => importerCsv(options.file, format, scanned),
      fileName: path.basename(options.file),
      // The importer reads a little less (no JSON columns): near enough for its choice of path and its progress.
      bytesTotal: fs.statSync(options.file).size,
      bulk: options.bulk ?? 'auto',
      actor: options.actor,
      connectionString: options.connectionString,
      // The export marks private columns (private:NAME); every other extra column was public.
      publicColumns: 'all',
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.links !== undefined ? { links: options.links } : {}),
    },
    logger,
  );
  if (report.exitCode === 2) return { format, import: report, exitCode: 2, fileError: report.fileError?.message ?? null, ...none };
  const { annotated } = scanned;
  const attestedNames = await restoreAttestedNames(
    database.db,
    annotated.filter((a) => a.attestedNames.length > 0).map((a) => ({ source: a.source, externalId: a.externalId, names: a.attestedNames })),
    options.actor,
    report.jobId,
  );
  const claims = await restoreClaims(
    database.db,
    annotated
      .filter((a) => a.claims.length > 0 || a.conflicts.length > 0)
      .map((a) => ({ source: a.source, externalId: a.externalId, claims: a.claims.map(toRestoredClaim), conflicts: a.conflicts })),
    options.actor,
    report.jobId,
  );
  return { format, import: report, exitCode: report.exitCode, fileError: null, attestedNames, claims };
}

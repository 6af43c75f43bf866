import fs from 'node:fs';
import { EXPORT_FORMATS, type ExportFormat } from '../../exports/export.layout.ts';
import { exportRecords, streamWriter, StreamClosedError } from '../../exports/export.service.ts';
import { restoreExport, type RestoreReport } from '../../exports/restore.service.ts';
import { fileErrorSummary, summaryOf } from '../../imports/import-report.ts';
import { EXIT, parseCommandArgs, type CliCommand, type CliIo } from '../cli-io.ts';

const EXPORT_USAGE =
  'usage: namebridge export [--format csv|jsonl] [--source NAME]\n' +
  'writes every record (or one source\'s) with its attested names, approved corrections (claims) and open conflicts to stdout;\n' +
  '`restore FILE` loads it again\n';

function parseFormat(value: string | undefined): ExportFormat | undefined | null {
  if (value === undefined) return undefined;
  return (EXPORT_FORMATS as readonly string[]).includes(value) ? (value as ExportFormat) : null;
}

export const exportCommand: CliCommand = {
  needsDatabase: true,
  usage: EXPORT_USAGE,
  summary: 'export [--format csv|jsonl] [--source NAME]   every record with its attested names and claims, to stdout',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('export', EXPORT_USAGE, io, {
      args,
      options: { format: { type: 'string' }, source: { type: 'string' }, help: { type: 'boolean', default: false } },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const format = parseFormat(values.format);
    if (format === null) {
      io.stderr.write(`namebridge export: --format must be csv or jsonl, not "${values.format}"\n`);
      return EXIT.fatal;
    }
    const source = values.source?.trim();
    if (source === '') {
      io.stderr.write('namebridge export: --source needs a name\n');
      return EXIT.fatal;
    }
    try {
      const result = await exportRecords(runtime.database, { format: format ?? 'csv', source }, streamWriter(io.stdout));
      runtime.logger.info({ records: result.records, format: format ?? 'csv', source }, 'export finished');
      return EXIT.ok;
    } catch (err) {
      // `namebridge export | head`: the reader went away; not an error of ours.
      if (err instanceof StreamClosedError || (err as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
      io.stderr.write(`namebridge export: ${(err as Error).message}\n`);
      return EXIT.fatal;
    }
  },
};

const RESTORE_USAGE =
  'usage: namebridge restore FILE [--format csv|jsonl] [--json] [--batch-size N] [--bulk|--no-bulk] [--no-link]\n' +
  'loads a namebridge export: its records through the importer (as their sources say), then their attested names,\n' +
  'approved corrections (claims) and open conflicts\n' +
  'a full export into an empty (or small) database takes the import\'s bulk path; --bulk or --no-bulk forces the choice\n' +
  'after the restore, person-link proposals for its new records are made before the command exits; --no-link leaves them to `namebridge link`\n' +
  'exit codes as for import: 0 all rows valid, 1 some rows invalid, 2 the file was refused (nothing written)\n';

export const restoreCommand: CliCommand = {
  needsDatabase: true,
  usage: RESTORE_USAGE,
  summary: 'restore FILE [--format csv|jsonl] [--json]   load an export (records, attested names, claims)',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('restore', RESTORE_USAGE, io, {
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        json: { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        'no-link': { type: 'boolean', default: false },
        bulk: { type: 'boolean', default: false },
        'no-bulk': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const file = positionals[0];
    const format = parseFormat(values.format);
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    const problem =
      !file || positionals.length > 1 ? `give exactly one FILE\n${RESTORE_USAGE}`
      : format === null ? `--format must be csv or jsonl, not "${values.format}"`
      : batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) ? '--batch-size must be an integer from 1 to 100000'
      : values.bulk && values['no-bulk'] ? 'give --bulk or --no-bulk, not both'
      : !fs.existsSync(file) || !fs.statSync(file).isFile() ? `cannot read ${file}: no such file`
      : null;
    if (problem) {
      io.stderr.write(`namebridge restore: ${problem}\n`);
      return EXIT.fatal;
    }
    const report = await restoreExport(
      runtime.database,
      {
        file: file!,
        format: format ?? undefined,
        actor: 'cli',
        connectionString: runtime.config.DATABASE_URL,
        links: values['no-link'] ? false : { autoConfirmScore: runtime.config.LINK_AUTO_CONFIRM_SCORE },
        bulk: values.bulk ? true : values['no-bulk'] ? false : 'auto',
        ...(batchSize ? { batchSize } : {}),
      },
      runtime.logger,
    );
    printRestore(io, report, values.json);
    return report.exitCode;
  },
};

function printRestore(io: CliIo, report: RestoreReport, json: boolean): void {
  if (report.fileError) io.stderr.write(`namebridge restore: ${report.fileError}\n`);
  const summary = report.import
    ? summaryOf(report.import)
    : fileErrorSummary(report.fileError ?? '');
  if (json) {
    io.stdout.write(`${JSON.stringify({ ...summary, attestedNames: report.attestedNames, claims: report.claims })}\n`);
    return;
  }
  const out = io.stdout;
  if (report.import) out.write(`import job ${report.import.jobId}: ${report.import.status} (${report.format})\n`);
  out.write(`  records: inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, invalid ${summary.invalid}\n`);
  const a = report.attestedNames;
  out.write(`  attested names: restored ${a.restored}, already there ${a.unchanged}${a.missingRecords ? `, records not found ${a.missingRecords}` : ''}\n`);
  const c = report.claims;
  out.write(`  corrections (claims): restored ${c.restored}, already there ${c.unchanged}, open conflicts ${c.conflicts}${c.missingRecords ? `, records not found ${c.missingRecords}` : ''}\n`);
  for (const e of summary.errors.slice(0, 20)) out.write(`  line ${e.line}${e.column ? `, column "${e.column}"` : ''}: ${e.message}\n`);
}

import fs from 'node:fs';
import path from 'node:path';
import { parseMapArguments } from '../../imports/column-map.ts';
import { ImportFileError } from '../../imports/import.errors.ts';
import type { ImportTally } from '../../imports/import-report.ts';
import { summaryOf } from '../../imports/import-report.ts';
import { DEFAULT_BATCH_SIZE, runImport, type ImportReport } from '../../imports/import.service.ts';
import { parsePublicColumns } from '../../imports/extra-columns.ts';
import { EXIT, parseCommandArgs, type CliCommand, type CliIo } from '../cli-io.ts';
import { runImportUndo } from './import-undo.command.ts';

const USAGE =
  'usage: namebridge import FILE [--source NAME] [--dry-run] [--strict] [--encoding utf8|cp1251] [--map column=field …] [--public-columns "col a,col b"] [--no-link] [--json]\n' +
  '       namebridge import undo JOB_ID [--json]\n' +
  'unknown columns are kept private (archivists only) unless named in --public-columns\n' +
  'the rows written are linked to persons by a job after the import (a running server runs it; the command does not wait);\n' +
  '--no-link queues no job: `namebridge link` proposes them, in one resumable run (bulk loads)\n' +
  'exit codes: 0 all rows valid, 1 some rows invalid (valid ones written unless --strict), 2 file-level error (nothing written)\n';

export const importCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'import FILE [options]   import a CSV file of records (--help for options)',
  async run(args, io, runtime) {
    if (args[0] === 'undo') return runImportUndo(args.slice(1), io, runtime);
    const parsed = parseCommandArgs('import', USAGE, io, {
      args,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        encoding: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        'public-columns': { type: 'string' },
        'no-link': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const file = positionals[0];
    const fail = (message: string) => {
      io.stderr.write(`namebridge import: ${message}\n`);
      if (values.json) io.stdout.write(`${JSON.stringify(summaryOf({ inserted: 0, updated: 0, unchanged: 0, invalid: 0, duplicates: 0, warnings: [], errors: [{ line: 0, column: null, message }], errorsTotal: 1 }))}\n`);
      return EXIT.fatal;
    };
    if (!file || positionals.length > 1) return fail(`give exactly one FILE\n${USAGE}`);
    if (values.encoding !== undefined && values.encoding !== 'utf8' && values.encoding !== 'cp1251') return fail(`--encoding must be utf8 or cp1251, not "${values.encoding}"`);
    const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) return fail('--batch-size must be an integer from 1 to 100000');
    let map;
    try {
      map = parseMapArguments(values.map);
    } catch (err) {
      if (err instanceof ImportFileError) return fail(err.message);
      throw err;
    }
    let size: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return fail(`${file} is not a file`);
      size = stat.size;
    } catch (err) {
      return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }

    const progress = (io.stderr as { isTTY?: boolean }).isTTY ? progressLine(io, size) : undefined;
    const report = await runImport(
      runtime.database,
      {
        open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
        fileName: path.basename(file),
        actor: 'cli',
        source: values.source,
        dryRun: values['dry-run'],
        strict: values.strict,
        encoding: values.encoding as 'utf8' | 'cp1251' | undefined,
        map,
        publicColumns: parsePublicColumns(values['public-columns']),
        batchSize,
        bytesTotal: size,
        connectionString: runtime.config.DATABASE_URL,
        // --no-link: a bulk load whose links `namebridge link` proposes later, in one resumable run.
        links: values['no-link'] ? false : { autoConfirmScore: runtime.config.LINK_AUTO_CONFIRM_SCORE },
        onProgress: progress?.update,
      },
      runtime.logger,
    );
    progress?.done();
    printReport(io, report, values['dry-run'], values.json, !values['no-link']);
    return report.exitCode;
  },
};

function printReport(io: CliIo, report: ImportReport, dryRun: boolean, json: boolean, linkJob: boolean): void {
  if (report.fileError) io.stderr.write(`namebridge import: ${report.fileError.message}\n`);
  if (json) {
    io.stdout.write(`${JSON.stringify({ jobId: report.jobId, ...summaryOf(report) })}\n`);
    return;
  }
  const out = io.stdout;
  out.write(`import job ${report.jobId}: ${report.status}${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  out.write(`  rows ${report.rowsRead}: inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, invalid ${report.invalid}\n`);
  if (report.conflicts > 0) out.write(`  conflicts with approved corrections (kept; see GET /api/conflicts): ${report.conflicts}\n`);
  if (report.duplicates > 0) out.write(`  probable duplicates (reported, not merged): ${report.duplicates}\n`);
  if (!dryRun && report.status === 'succeeded' && report.inserted + report.updated > 0) {
    // The written rows are marked for linking with them (docs/linking.md); the CLI does not wait for it.
    out.write(
      linkJob
        ? '  person links: queued for the rows written — a running server proposes them, or run `namebridge link` now\n'
        : '  person links: not queued (--no-link) — run `namebridge link` to propose them\n',
    );
  }
  for (const w of report.warnings) out.write(`  warning: ${w}\n`);
  for (const e of report.errors.slice(0, 20)) out.write(`  line ${e.line}${e.column ? `, column "${e.column}"` : ''}: ${e.message}\n`);
  if (report.errorsTotal > 20) out.write(`  … ${report.errorsTotal - 20} more errors (GET /api/imports/${report.jobId}/errors.csv)\n`);
}

/** A progress line on a terminal: rows, rows/s, percent of bytes and ETA. */
function progressLine(io: CliIo, size: number) {
  const started = Date.now();
  let last = 0;
  const render = (t: ImportTally) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? t.rowsRead / seconds : 0;
    const fraction = size > 0 ? Math.min(1, t.bytesRead / size) : 0;
    const eta = fraction > 0 ? (seconds * (1 - fraction)) / fraction : 0;
    io.stderr.write(`\r${t.rowsRead.toLocaleString('en')} rows · ${Math.round(rate).toLocaleString('en')} rows/s · ${(fraction * 100).toFixed(0)}% · ETA ${formatSeconds(eta)}   `);
  };
  return {
    update(t: ImportTally) {
      if (Date.now() - last < 250) return;
      last = Date.now();
      render(t);
    },
    done() {
      if (last > 0) io.stderr.write('\n');
    },
  };
}

const formatSeconds = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

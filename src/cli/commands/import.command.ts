import fs from 'node:fs';
import path from 'node:path';
import { parseMapArguments } from '../../core/records/index.ts';
import { ImportFileError } from '../../core/records/index.ts';
import type { ImportTally } from '../../imports/import-report.ts';
import { fileErrorSummary, summaryOf } from '../../imports/import-report.ts';
import { DEFAULT_BATCH_SIZE, runImport, type ImportReport } from '../../imports/import.service.ts';
import { parsePublicColumns } from '../../imports/extra-columns.ts';
import { EXIT, parseCommandArgs, type CliCommand, type CliIo } from '../cli-io.ts';
import { runImportUndo } from './import-undo.command.ts';

const USAGE =
  'usage: namebridge import FILE [--source NAME] [--dry-run] [--strict] [--encoding utf8|cp1251] [--map column=field …] [--public-columns "col a,col b"] [--bulk|--no-bulk] [--no-link] [--json]\n' +
  '       namebridge import undo JOB_ID [--json]\n' +
  'a large file relative to the table takes the bulk path (one transaction, staged COPY, indexes rebuilt on a nearly empty table); --bulk or --no-bulk forces the choice\n' +
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
        bulk: { type: 'boolean', default: false },
        'no-bulk': { type: 'boolean', default: false },
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
      if (values.json) io.stdout.write(`${JSON.stringify(fileErrorSummary(message))}\n`);
      return EXIT.fatal;
    };
    if (!file || positionals.length > 1) return fail(`give exactly one FILE\n${USAGE}`);
    if (values.bulk && values['no-bulk']) return fail('give --bulk or --no-bulk, not both');
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

    const started = performance.now();
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
        bulk: values.bulk ? true : values['no-bulk'] ? false : 'auto',
        onProgress: progress?.update,
      },
      runtime.logger,
    );
    progress?.done();
    printReport(io, report, values['dry-run'], values.json, (performance.now() - started) / 1000, !values['no-link']);
    return report.exitCode;
  },
};

function printReport(io: CliIo, report: ImportReport, dryRun: boolean, json: boolean, seconds: number, linkJob: boolean): void {
  if (report.fileError) io.stderr.write(`namebridge import: ${report.fileError.message}\n`);
  const rounded = Number(seconds.toFixed(2));
  const rowsPerSecond = rounded > 0 ? Math.round(report.rowsRead / rounded) : 0;
  if (json) {
    const timing = { seconds: rounded, rowsPerSecond, path: report.path };
    io.stdout.write(`${JSON.stringify({ jobId: report.jobId, ...summaryOf(report), ...timing })}\n`);
    return;
  }
  const out = io.stdout;
  out.write(`import job ${report.jobId}: ${report.status}${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  out.write(`  ${seconds.toFixed(1)} s, ${rowsPerSecond.toLocaleString('en')} rows/s (${report.path === 'bulk' ? 'bulk path' : 'row path'})\n`);
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

/**
 * A progress line on a terminal, by phase: parse (rows, rows/s, percent of
 * bytes, ETA), then on the bulk path decode, load and index build (step of steps).
 */
function progressLine(io: CliIo, size: number) {
  const started = Date.now();
  let phaseStarted = started;
  let phase = '';
  let last = 0;
  const render = (t: ImportTally) => {
    const now = Date.now();
    if (t.phase !== phase) {
      phase = t.phase;
      phaseStarted = now;
    }
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? t.rowsRead / seconds : 0;
    let line: string;
    if (t.phase === 'parse') {
      const fraction = size > 0 ? Math.min(1, t.bytesRead / size) : 0;
      const eta = fraction > 0 ? (seconds * (1 - fraction)) / fraction : 0;
      line = `parse${t.path === 'bulk' ? '/decode' : ''} · ${t.rowsRead.toLocaleString('en')} rows · ${Math.round(rate).toLocaleString('en')} rows/s · ${(fraction * 100).toFixed(0)}% · ETA ${formatSeconds(eta)}`;
    } else {
      const inPhase = (now - phaseStarted) / 1000;
      const eta = t.phaseTotal > 0 && t.phaseDone > 0 ? (inPhase * (t.phaseTotal - t.phaseDone)) / t.phaseDone : null;
      const steps = t.phaseTotal > 0 ? ` ${t.phaseDone}/${t.phaseTotal}` : t.phaseDone > 0 ? ` ${t.phaseDone.toLocaleString('en')} rows` : '';
      line = `${t.phase}${steps} · ${t.rowsRead.toLocaleString('en')} rows in ${formatSeconds(seconds)} · ${Math.round(rate).toLocaleString('en')} rows/s${eta === null ? '' : ` · ETA ${formatSeconds(eta)}`}`;
    }
    io.stderr.write(`\r${line}   `);
  };
  return {
    update(t: ImportTally) {
      if (Date.now() - last < 250 && t.phase === phase) return;
      last = Date.now();
      render(t);
    },
    done() {
      if (last > 0) io.stderr.write('\n');
    },
  };
}

const formatSeconds = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

import { undoImport } from '../../imports/import-undo.service.ts';
import { AppError } from '../../shared/errors.ts';
import type { Runtime } from '../../bootstrap.ts';
import { EXIT, parseCommandArgs, type CliIo } from '../cli-io.ts';

const USAGE =
  'usage: namebridge import undo JOB_ID [--json]\n' +
  'removes the records the import inserted and gives the records it updated their previous source values back;\n' +
  'approved corrections are untouched, and what later work changed again is kept and reported as conflicts\n';

/** `import undo JOB_ID`: the undo is itself a job; --json prints {jobId, removed, restored, conflicts, status}. */
export async function runImportUndo(args: string[], io: CliIo, runtime: Runtime): Promise<number> {
  const parsed = parseCommandArgs('import undo', USAGE, io, {
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (typeof parsed === 'number') return parsed;
  const id = Number(parsed.positionals[0]);
  if (parsed.positionals.length !== 1 || !Number.isSafeInteger(id) || id < 1) {
    io.stderr.write(`namebridge import undo: give exactly one JOB_ID (a positive integer)\n${USAGE}`);
    return EXIT.fatal;
  }
  try {
    const report = await undoImport(runtime.database.db, id, 'cli');
    if (parsed.values.json) {
      const { jobId, removed, restored, conflicts, status } = report;
      io.stdout.write(`${JSON.stringify({ jobId, removed, restored, conflicts, status })}\n`);
    } else {
      io.stdout.write(`import ${id} undone by job ${report.jobId}: removed ${report.removed}, restored ${report.restored}, conflicts ${report.conflicts}\n`);
      for (const d of report.details.slice(0, 20)) io.stdout.write(`  record ${d.recordId}${d.field ? ` ${d.field}` : ''}: ${d.reason}\n`);
    }
    return report.conflicts > 0 ? EXIT.partial : EXIT.ok;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    io.stderr.write(`namebridge import undo: ${err.message}\n`);
    return EXIT.fatal;
  }
}

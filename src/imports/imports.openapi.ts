import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { STAFF_AUTH, errors, idPath, isoTime, json, type Same } from '../http/openapi.shared.ts';
import type { UndoReport } from './import-undo.service.ts';
import { postQuery } from './imports.routes.ts';
import { type toJobDto } from './import-jobs.service.ts';

const undoOutcomeSchema = z.strictObject({
  removed: z.number().int().meta({ description: 'Records the import inserted, removed' }),
  restored: z.number().int().meta({ description: 'Fields given back their previous source value' }),
  conflicts: z.number().int().meta({ description: 'Records or fields left as they are, because something changed them since' }),
  details: z.array(z.strictObject({ recordId: z.number().int(), field: z.string().nullable(), reason: z.string() })),
});

const jobSchema = z
  .strictObject({
    id: z.number().int(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'undone']),
    kind: z.enum(['import', 'undo']),
    undoesJobId: z.number().int().nullable().meta({ description: 'An undo job: the import it undid' }),
    undo: undoOutcomeSchema.nullable().meta({ description: 'An undo job: what it did' }),
    source: z.string().nullable(),
    fileName: z.string(),
    actor: z.string(),
    dryRun: z.boolean(),
    strict: z.boolean(),
    exitCode: z.number().int().nullable().meta({ description: 'As the CLI: 0 all rows valid, 1 some invalid, 2 file-level error' }),
    fileError: z.string().nullable(),
    progress: z.strictObject({ rowsRead: z.number().int(), bytesRead: z.number().int(), bytesTotal: z.number().int().nullable() }),
    report: z.strictObject({
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      invalid: z.number().int(),
      duplicates: z.number().int(),
      warnings: z.array(z.string()),
      errors: z.array(z.strictObject({ line: z.number().int(), column: z.string().nullable(), message: z.string() })),
      errorsTotal: z.number().int(),
      duplicateSample: z.array(z.unknown()),
    }),
    createdAt: isoTime,
    startedAt: isoTime.nullable(),
    finishedAt: isoTime.nullable(),
    attempts: z.number().int().meta({ description: 'Runs of the job (a crash puts it back in the queue)' }),
  })
  .meta({ id: 'ImportJob' });

const undoReportSchema = undoOutcomeSchema
  .extend({ jobId: z.number().int().meta({ description: 'The undo job' }), undoneJobId: z.number().int(), status: z.literal('undone') })
  .meta({ id: 'UndoReport' });
const undoMatches: Same<z.output<typeof undoReportSchema>, UndoReport> = true;
void undoMatches;

// createdAt is typed nullable by toJobDto's helper but always set (a column default).
type JobDto = ReturnType<typeof toJobDto>;
const jobMatches: Same<Omit<z.output<typeof jobSchema>, 'createdAt'>, Omit<JobDto, 'createdAt'>> = true;
void jobMatches;

const job = z.strictObject({ job: jobSchema });
const staffErrors = ['bad_request', 'unauthorized', 'forbidden', 'not_found'] as const;

export const importsOpenApi: ZodOpenApiPathsObject = {
  '/api/imports': {
    post: {
      tags: ['imports'],
      summary: 'Queue a CSV import (archivist); poll the job at `Location`',
      description: 'The body is the CSV file (UTF-8 or Windows-1251; comma, semicolon or tab). See docs/importing.md.',
      security: STAFF_AUTH,
      requestParams: { query: postQuery },
      requestBody: { content: { 'text/csv': { schema: z.string().meta({ example: 'ФИО;Год рождения\nВан-Си-Сян;1898\n' }) } } },
      responses: {
        '202': json('Queued', job, { headers: z.object({ Location: z.string().meta({ example: '/api/imports/1' }) }) }),
        ...errors('bad_request', 'unauthorized', 'forbidden', 'payload_too_large', 'unsupported_media_type'),
      },
    },
  },
  '/api/imports/{id}': {
    get: {
      tags: ['imports'],
      summary: 'An import job: status, progress and report (archivist)',
      security: STAFF_AUTH,
      requestParams: { path: idPath('import') },
      responses: { '200': json('The job', job), ...errors(...staffErrors) },
    },
  },
  '/api/imports/{id}/errors.csv': {
    get: {
      tags: ['imports'],
      summary: 'The invalid rows of an import, as CSV (archivist)',
      security: STAFF_AUTH,
      requestParams: { path: idPath('import') },
      responses: { '200': { description: 'line, column, message', content: { 'text/csv': { schema: z.string() } } }, ...errors(...staffErrors) },
    },
  },
  '/api/imports/{id}/undo': {
    post: {
      tags: ['imports'],
      summary: 'Undo an import (archivist): its inserted records removed, updated fields given their previous source value',
      description:
        'One transaction; claims are never touched; whatever changed since the import is left as it is and reported as a conflict. The undo is itself a job (kind `undo`). See docs/importing.md.',
      security: STAFF_AUTH,
      requestParams: { path: idPath('import') },
      responses: {
        '200': json('What the undo did', undoReportSchema.omit({ undoneJobId: true })),
        ...errors('bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict'),
      },
    },
  },
};

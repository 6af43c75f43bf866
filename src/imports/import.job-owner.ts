import os from 'node:os';

export const HOST = os.hostname();
/** This process, as import_jobs records the owner of a running job. */
export const JOB_OWNER = { pid: process.pid, host: HOST } as const;

/** The job is no longer this process's (reaped or taken over by another): the run stops, its committed batches stay. */
export class JobLostError extends Error {}

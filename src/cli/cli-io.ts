import type { Runtime } from '../bootstrap.ts';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A command either needs the database (and gets the runtime) or is pure. */
export type CliCommand =
  | { needsDatabase: false; summary: string; run(args: string[], io: CliIo): Promise<number> }
  | { needsDatabase: true; summary: string; run(args: string[], io: CliIo, runtime: Runtime): Promise<number> };

export const EXIT = { ok: 0, partial: 1, fatal: 2 } as const;

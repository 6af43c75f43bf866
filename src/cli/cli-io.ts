import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Runtime } from '../bootstrap.ts';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * A command either needs the database (and gets the runtime) or is pure.
 * `usage` is what `namebridge COMMAND --help` prints (default: from the summary).
 */
export type CliCommand =
  | { needsDatabase: false; summary: string; usage?: string; run(args: string[], io: CliIo): Promise<number> }
  | { needsDatabase: true; summary: string; usage?: string; run(args: string[], io: CliIo, runtime: Runtime): Promise<number> };

/** The usage of a command, for --help. */
export function usageOf(command: CliCommand): string {
  return command.usage ?? `usage: namebridge ${command.summary.replace(/\s{3,}/, '\n\n  ')}\n`;
}

export const EXIT = { ok: 0, partial: 1, fatal: 2 } as const;

/**
 * parseArgs with the commands' conventions: every command takes --help (its
 * usage on stdout, exit 0), and a bad option prints the problem and the usage
 * on stderr (exit 2). Returns the parsed arguments, or the exit code to return.
 */
export function parseCommandArgs<T extends ParseArgsConfig & { args: string[] }>(
  command: string,
  usage: string,
  io: CliIo,
  config: T,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    io.stderr.write(`namebridge ${command}: ${(err as Error).message}\n${usage}`);
    return EXIT.fatal;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(usage);
    return EXIT.ok;
  }
  return parsed;
}

import { bootstrap } from '../bootstrap.ts';
import { createLogger } from '../shared/logger.ts';
import { AppError, StartupError } from '../shared/errors.ts';
import { EXIT, usageOf, type CliCommand, type CliIo } from './cli-io.ts';
import { COMMANDS } from './commands/index.ts';
import { stopLinkJobs } from '../links/link-jobs.ts';

function usage(commands: Record<string, CliCommand>): string {
  const lines = Object.values(commands).map((c) => `  ${c.summary}`);
  return `usage: namebridge <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(name && name !== '--help' ? `namebridge: unknown command "${name}"\n\n` : '');
    io.stderr.write(usage(COMMANDS));
    return name === '--help' ? EXIT.ok : EXIT.fatal;
  }
  // --help never needs the database, nor the command's own parsing.
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(usageOf(command));
    return EXIT.ok;
  }
  if (!command.needsDatabase) return command.run(args, io);
  // Logs go to stderr so stdout stays machine-readable (--json).
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr as never);
  const runtime = await bootstrap({ logger, migrate: name !== 'migrate' });
  try {
    return await command.run(args, io, runtime);
  } finally {
    await stopLinkJobs(runtime.database); // an import queued a link job (sent, not run, here)
    await runtime.database.close();
  }
}

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
runCli(process.argv.slice(2), io)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    const known = err instanceof StartupError || err instanceof AppError;
    io.stderr.write(`namebridge: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT.fatal;
  });

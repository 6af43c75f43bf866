import { listUsers } from '../../auth/accounts.repository.ts';
import { createUser } from '../../auth/accounts.service.ts';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../auth/passwords.ts';
import { ROLES, type Role } from '../../auth/user.types.ts';
import { EXIT, type CliCommand } from '../cli-io.ts';

const USAGE =
  'usage: namebridge user add EMAIL --role archivist|admin [--name "Display Name"]   (password: one line on stdin)\n' +
  '       namebridge user list\n';

/**
 * Accounts for archivists and admins. The password is read from stdin (one
 * line), never from the arguments, where it would show in `ps` and the shell history:
 *   printf '%s\n' "$PASSWORD" | npm run cli -- user add ann@example.org --role archivist
 */
export const userCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'user add EMAIL --role R  create an archivist or admin account (password on stdin); user list',
  async run(args, io, runtime) {
    const [sub, ...rest] = args;
    if (sub === 'list') {
      for (const u of await listUsers(runtime.database.db)) {
        io.stdout.write(`${u.id}\t${u.role}\t${u.email}${u.disabled_at ? '\t(disabled)' : ''}\n`);
      }
      return EXIT.ok;
    }
    if (sub !== 'add') {
      io.stderr.write(USAGE);
      return EXIT.fatal;
    }
    const options = parseOptions(rest);
    if (!options.email || !options.role || options.unknown.length > 0) {
      if (options.unknown.length > 0) io.stderr.write(`namebridge user: unknown arguments ${options.unknown.join(' ')}\n`);
      io.stderr.write(USAGE);
      return EXIT.fatal;
    }
    if (!(ROLES as readonly string[]).includes(options.role)) {
      io.stderr.write(`namebridge user: --role must be one of ${ROLES.join(', ')}\n`);
      return EXIT.fatal;
    }
    if ((io.stdin as NodeJS.ReadStream).isTTY) io.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters, shown as typed): `);
    const password = await readLine(io.stdin);
    const problem = password === undefined ? 'was not given on stdin' : passwordProblem(password);
    if (problem || password === undefined) {
      io.stderr.write(`namebridge user: the password ${problem}; nothing was created\n`);
      return EXIT.fatal;
    }
    const { id } = await createUser(runtime.database.db, {
      email: options.email,
      password,
      role: options.role as Role,
      displayName: options.name ?? null,
    });
    io.stdout.write(`created ${options.role} ${options.email.trim()} (id ${id})\n`);
    return EXIT.ok;
  },
};

function parseOptions(args: string[]) {
  const out: { email?: string; role?: string; name?: string; unknown: string[] } = { unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--role' || arg === '--name') {
      const value = args[++i];
      if (value === undefined) out.unknown.push(arg);
      else if (arg === '--role') out.role = value;
      else out.name = value;
    } else if (arg.startsWith('--role=')) out.role = arg.slice(7);
    else if (arg.startsWith('--name=')) out.name = arg.slice(7);
    else if (!out.email && !arg.startsWith('-')) out.email = arg;
    else out.unknown.push(arg);
  }
  return out;
}

/** The first line of the stream (without its line ending), or undefined when it ends empty. */
export function readLine(stream: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const finish = (value: string | undefined) => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', reject);
      stream.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      const nl = buffer.indexOf('\n');
      if (nl >= 0) finish(buffer.slice(0, nl).replace(/\r$/, ''));
    };
    const onEnd = () => finish(buffer === '' ? undefined : buffer.replace(/\r$/, ''));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', reject);
    stream.resume();
  });
}

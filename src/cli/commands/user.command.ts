import { changePassword, disableAccount, enableAccount, listAccounts } from '../../auth/account-lifecycle.service.ts';
import { createUser } from '../../auth/accounts.service.ts';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../auth/passwords.ts';
import { ROLES, type Role } from '../../auth/user.types.ts';
import { EXIT, parseCommandArgs, type CliCommand, type CliIo } from '../cli-io.ts';

const HELP = { type: 'boolean', default: false } as const;

const USAGE =
  'usage: namebridge user add EMAIL --role archivist|admin [--name "Display Name"]   (password: one line on stdin)\n' +
  '       namebridge user list [--json]\n' +
  '       namebridge user disable EMAIL     (ends its sessions and revokes its tokens at once)\n' +
  '       namebridge user enable EMAIL\n' +
  '       namebridge user password EMAIL    (new password: one line on stdin; ends its sessions and tokens)\n';

/**
 * Accounts for archivists and admins. Passwords are read from stdin (one
 * line), never from the arguments, where they would show in `ps` and the shell history:
 *   printf '%s\n' "$PASSWORD" | npm run cli -- user add ann@example.org --role archivist
 */
export const userCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'user add|list|disable|enable|password   accounts (passwords on stdin)',
  async run(args, io, runtime) {
    const [sub, ...rest] = args;
    const db = runtime.database.db;
    if (sub === 'list') {
      const parsed = parseCommandArgs('user list', USAGE, io, { args: rest, options: { json: { type: 'boolean', default: false }, help: HELP } });
      if (typeof parsed === 'number') return parsed;
      const accounts = await listAccounts(db);
      if (parsed.values.json) io.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
      else for (const u of accounts) io.stdout.write(`${u.id}\t${u.role}\t${u.email}${u.disabled ? '\t(disabled)' : ''}\n`);
      return EXIT.ok;
    }
    if (sub === 'disable' || sub === 'enable' || sub === 'password') {
      const parsed = parseCommandArgs(`user ${sub}`, USAGE, io, { args: rest, allowPositionals: true, options: { help: HELP } });
      if (typeof parsed === 'number') return parsed;
      const [email, ...extra] = parsed.positionals;
      if (!email || extra.length > 0) return usage(io);
      if (sub === 'enable') {
        await enableAccount(db, { email });
        io.stdout.write(`enabled ${email.trim()} (its old sessions and tokens stay ended)\n`);
        return EXIT.ok;
      }
      if (sub === 'disable') {
        const ended = await disableAccount(db, { email });
        io.stdout.write(`disabled ${ended.email}: ${ended.sessionsEnded} sessions ended, ${ended.tokensRevoked} tokens revoked\n`);
        return EXIT.ok;
      }
      const password = await passwordFromStdin(io);
      if (password === undefined) return EXIT.fatal;
      const ended = await changePassword(db, { email }, password);
      io.stdout.write(`new password for ${ended.email}: ${ended.sessionsEnded} sessions ended, ${ended.tokensRevoked} tokens revoked\n`);
      return EXIT.ok;
    }
    if (sub !== 'add') return usage(io);
    const parsed = parseCommandArgs('user add', USAGE, io, {
      args: rest,
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' }, help: HELP },
    });
    if (typeof parsed === 'number') return parsed;
    const [email, ...extra] = parsed.positionals;
    const options = { email, role: parsed.values.role, name: parsed.values.name };
    if (!options.email || !options.role || extra.length > 0) return usage(io, extra.length > 0 ? `unknown arguments ${extra.join(' ')}` : undefined);
    if (!(ROLES as readonly string[]).includes(options.role)) {
      io.stderr.write(`namebridge user: --role must be one of ${ROLES.join(', ')}\n`);
      return EXIT.fatal;
    }
    const password = await passwordFromStdin(io);
    if (password === undefined) return EXIT.fatal;
    const { id } = await createUser(db, {
      email: options.email,
      password,
      role: options.role as Role,
      displayName: options.name ?? null,
    });
    io.stdout.write(`created ${options.role} ${options.email.trim()} (id ${id})\n`);
    return EXIT.ok;
  },
};

function usage(io: CliIo, problem?: string): number {
  if (problem) io.stderr.write(`namebridge user: ${problem}\n`);
  io.stderr.write(USAGE);
  return EXIT.fatal;
}

/** One line from stdin, checked against the password rules; undefined (and why, on stderr) when it fails them. */
async function passwordFromStdin(io: CliIo): Promise<string | undefined> {
  if ((io.stdin as NodeJS.ReadStream).isTTY) io.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters, shown as typed): `);
  const password = await readLine(io.stdin);
  const problem = password === undefined ? 'was not given on stdin' : passwordProblem(password);
  if (problem || password === undefined) {
    io.stderr.write(`namebridge user: the password ${problem}; nothing was changed\n`);
    return undefined;
  }
  return password;
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

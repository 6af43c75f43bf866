import { listAccountTokens } from '../../auth/account-lifecycle.service.ts';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, issueApiToken, revokeApiToken } from '../../auth/accounts.service.ts';
import { EXIT, parseCommandArgs, type CliCommand } from '../cli-io.ts';

const USAGE =
  `usage: namebridge token create EMAIL [--expires-days N]   (default ${DEFAULT_TOKEN_DAYS}; the token is the last line)\n` +
  '       namebridge token list EMAIL [--json]\n' +
  '       namebridge token revoke TOKEN_OR_PREFIX\n';

/**
 * API tokens for archivists' scripts. `create` prints the token once, as the
 * last line of stdout (only its sha256 is stored); `list` shows prefixes,
 * dates and status, never a token; `revoke` takes the token or its prefix
 * (the first characters, shown at creation and by `list`).
 */
export const tokenCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'token create EMAIL [--expires-days N] | list EMAIL [--json] | revoke TOKEN_OR_PREFIX   API tokens (Bearer)',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('token', USAGE, io, {
      args,
      allowPositionals: true,
      options: { 'expires-days': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
    if (typeof parsed === 'number') return parsed;
    const [sub, value, ...extra] = parsed.positionals;
    const { 'expires-days': days, json } = parsed.values;
    const misplaced = (days !== undefined && sub !== 'create') || (json && sub !== 'list');
    if (!sub || !['create', 'list', 'revoke'].includes(sub) || !value || extra.length > 0 || misplaced) {
      io.stderr.write(USAGE);
      return EXIT.fatal;
    }
    const db = runtime.database.db;
    if (sub === 'create') {
      if (days !== undefined && !/^\d{1,4}$/.test(days)) {
        io.stderr.write(`namebridge token: --expires-days must be a whole number from 1 to ${MAX_TOKEN_DAYS}\n`);
        return EXIT.fatal;
      }
      const issued = await issueApiToken(db, value, days === undefined ? {} : { expiresDays: Number(days) });
      io.stdout.write(`New API token (prefix ${issued.prefix}, expires ${issued.expiresAt.toISOString()}); it is shown only this once:\n${issued.token}\n`);
      return EXIT.ok;
    }
    if (sub === 'list') {
      const tokens = await listAccountTokens(db, { email: value });
      if (json) io.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
      else for (const t of tokens) io.stdout.write(`${t.prefix}\t${t.status}\tcreated ${t.createdAt}\texpires ${t.expiresAt}\n`);
      return EXIT.ok;
    }
    const { revoked } = await revokeApiToken(db, value);
    io.stdout.write(`revoked ${revoked.join(', ')}\n`);
    return EXIT.ok;
  },
};

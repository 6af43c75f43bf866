import { createApiToken, revokeApiToken } from '../../auth/accounts.service.ts';
import { TOKEN_PREFIX_LENGTH } from '../../auth/secrets.ts';
import { EXIT, type CliCommand } from '../cli-io.ts';

const USAGE = 'usage: namebridge token create EMAIL\n       namebridge token revoke TOKEN_OR_PREFIX\n';

/**
 * API tokens for archivists' scripts. `create` prints the token once, as the
 * last line of stdout (only its sha256 is stored); `revoke` takes the token or
 * its prefix (the first characters, shown at creation).
 */
export const tokenCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'token create EMAIL | token revoke TOKEN_OR_PREFIX   API tokens (Authorization: Bearer)',
  async run(args, io, runtime) {
    const [sub, value, ...extra] = args;
    if ((sub !== 'create' && sub !== 'revoke') || !value || extra.length > 0) {
      io.stderr.write(USAGE);
      return EXIT.fatal;
    }
    if (sub === 'create') {
      const token = await createApiToken(runtime.database.db, value);
      io.stdout.write(`New API token (prefix ${token.slice(0, TOKEN_PREFIX_LENGTH)}); it is shown only this once:\n${token}\n`);
      return EXIT.ok;
    }
    const { revoked } = await revokeApiToken(runtime.database.db, value);
    io.stdout.write(`revoked ${revoked.join(', ')}\n`);
    return EXIT.ok;
  },
};

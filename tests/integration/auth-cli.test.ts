import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { createPostgresCopy, testBackend } from '../helpers/test-database.ts';
import { runNode } from '../helpers/processes.ts';

/**
 * `user add`, `token create`, `token revoke` as an operator runs them: spawned
 * processes on a database of this file's own (a PostgreSQL copy of the template,
 * or an embedded data directory), then the tokens used against the app.
 */

const PASSWORD = 'correct horse battery staple';
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
let dataDir: string | undefined;
let databaseUrl: string | undefined;

beforeAll(async () => {
  if (testBackend() === 'postgres') {
    const copy = await createPostgresCopy();
    databaseUrl = copy.url;
    env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
    cleanup = copy.drop;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-cli-'));
    env = { DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    cleanup = async () => fs.rmSync(dataDir!, { recursive: true, force: true });
  }
});
afterAll(() => cleanup?.());

const cli = (args: string[], stdin?: string) => runNode(['src/cli/main.ts', ...args], env, stdin);
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

describe('CLI accounts and tokens', () => {
  const tokens: string[] = [];

  it('user add reads the password from stdin and refuses one under 10 characters', async () => {
    const short = await cli(['user', 'add', 'ann@example.org', '--role', 'archivist'], 'too short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 10 characters/);

    const ok = await cli(['user', 'add', 'Ann@Example.org', '--role', 'archivist', '--name', 'Ann'], `${PASSWORD}\n`);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/created archivist Ann@Example\.org \(id \d+\)/);
    expect(ok.stdout + ok.stderr).not.toContain(PASSWORD);

    const dup = await cli(['user', 'add', 'ann@example.org', '--role', 'admin'], `${PASSWORD}\n`);
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toMatch(/already exists/);

    const badRole = await cli(['user', 'add', 'bob@example.org', '--role', 'root'], `${PASSWORD}\n`);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role must be one of archivist, admin/);
  });

  it('token create prints the new token as the last line of stdout', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await cli(['token', 'create', 'ANN@example.org']);
      expect(res.code).toBe(0);
      const token = lastLine(res.stdout);
      expect(token).toMatch(/^nb_[A-Za-z0-9_-]{43}$/);
      tokens.push(token);
    }
    const unknown = await cli(['token', 'create', 'nobody@example.org']);
    expect(unknown.code).not.toBe(0);
  });

  it('token revoke takes a prefix or the whole token', async () => {
    const byPrefix = await cli(['token', 'revoke', tokens[0]!.slice(0, 11)]);
    expect(byPrefix.code).toBe(0);
    expect(byPrefix.stdout).toContain(`revoked ${tokens[0]!.slice(0, 11)}`);
    const again = await cli(['token', 'revoke', tokens[0]!]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/No live token/);
    expect((await cli(['token', 'revoke', 'nb_'])).code).not.toBe(0);
  });

  it('the live token authenticates against the API, the revoked one does not; only hashes are stored', async () => {
    // Opened only now: an embedded data directory admits one process at a time.
    const database = await openDatabase(databaseUrl ? { databaseUrl, dataDir: '' } : { dataDir: dataDir! });
    try {
      const app = createApp({ config: loadConfig({}), database, logger: createLogger('silent') });
      await request(app).get('/api/corrections').set('authorization', `Bearer ${tokens[1]}`).expect(200);
      await request(app).get('/api/corrections').set('authorization', `Bearer ${tokens[0]}`).expect(401);
      await request(app).get('/api/users').set('authorization', `Bearer ${tokens[1]}`).expect(403);
      const login = await request(app).post('/api/session').send({ email: 'ann@example.org', password: PASSWORD }).expect(201);
      expect(login.body.user).toMatchObject({ email: 'Ann@Example.org', role: 'archivist' });

      const stored = JSON.stringify(await database.db.selectFrom('api_tokens').selectAll().execute());
      for (const token of tokens) expect(stored).not.toContain(token.slice(11));
      const users = JSON.stringify(await database.db.selectFrom('users').selectAll().execute());
      expect(users).not.toContain(PASSWORD);
      expect(users).toMatch(/\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    } finally {
      await database.close();
    }
  });
});

describe('CLI account lifecycle', () => {
  const NEW_PASSWORD = 'a second passphrase here';
  let token = '';

  it('token create --expires-days N, token list (prefix, status, dates; never the token)', async () => {
    const created = await cli(['token', 'create', 'ann@example.org', '--expires-days', '7']);
    expect(created.code).toBe(0);
    token = lastLine(created.stdout);
    expect(token).toMatch(/^nb_[A-Za-z0-9_-]{43}$/);
    const expiresAt = /expires (\S+)\)/.exec(created.stdout)?.[1];
    expect((Date.parse(expiresAt!) - Date.now()) / 86_400_000).toBeCloseTo(7, 1);
    expect((await cli(['token', 'create', 'ann@example.org', '--expires-days', '0'])).code).not.toBe(0);

    const listed = await cli(['token', 'list', 'ann@example.org', '--json']);
    expect(listed.code).toBe(0);
    const tokensOut = JSON.parse(listed.stdout) as Array<{ prefix: string; status: string; expiresAt: string }>;
    expect(tokensOut[0]).toMatchObject({ prefix: token.slice(0, 11), status: 'live', expiresAt });
    expect(tokensOut.map((t) => t.status)).toContain('revoked');
    expect(listed.stdout).not.toContain(token.slice(11));
  }, 180_000);

  it('user disable ends sessions and tokens, user enable lets the person log in again, user list --json shows it', async () => {
    const disabled = await cli(['user', 'disable', 'ann@example.org']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/disabled Ann@Example\.org: \d+ sessions ended, [1-9]\d* tokens revoked/);
    const list = await cli(['user', 'list', '--json']);
    expect(list.code).toBe(0);
    const users = JSON.parse(list.stdout) as Array<{ email: string; disabled: boolean; role: string }>;
    expect(users.find((u) => u.email === 'Ann@Example.org')).toMatchObject({ disabled: true, role: 'archivist' });
    expect(list.stdout).not.toMatch(/argon2|scrypt/);
    expect((await cli(['user', 'enable', 'ann@example.org'])).code).toBe(0);
  }, 180_000);

  it('user password reads the new password from stdin and refuses a short one', async () => {
    const short = await cli(['user', 'password', 'ann@example.org'], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 10 characters; nothing was changed/);
    const ok = await cli(['user', 'password', 'ann@example.org'], `${NEW_PASSWORD}\n`);
    expect(ok.code).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(NEW_PASSWORD);
    expect((await cli(['user', 'password', 'nobody@example.org'], `${NEW_PASSWORD}\n`)).stderr).toMatch(/No account/);
  }, 180_000);

  it('the app sees it all: the token revoked by disable is 401, only the new password logs in', async () => {
    const database = await openDatabase(databaseUrl ? { databaseUrl, dataDir: '' } : { dataDir: dataDir! });
    try {
      const app = createApp({ config: loadConfig({}), database, logger: createLogger('silent') });
      await request(app).get('/api/corrections').set('authorization', `Bearer ${token}`).expect(401);
      await request(app).post('/api/session').send({ email: 'ann@example.org', password: PASSWORD }).expect(401);
      await request(app).post('/api/session').send({ email: 'ann@example.org', password: NEW_PASSWORD }).expect(201);
    } finally {
      await database.close();
    }
  }, 180_000);
});

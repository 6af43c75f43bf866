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

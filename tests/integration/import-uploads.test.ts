import fs from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINGER } from '../../src/http/refused-body.ts';
import { createSession } from '../../src/auth/accounts.service.ts';
import { authHeader, createTestApp, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * Uploads are hardened (issue 12 point 8): the role and CSRF check come before
 * any byte is written, the bytes read are capped whatever the headers say (a
 * chunked body has no length), one file part only, and a few uploads at once.
 * The cap is small here (IMPORT_MAX_BYTES) so the tests stay quick.
 */
const MAX = 64 * 1024;
let t: TestApp;
let server: http.Server;
let port: number;
let token: string;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  t = await createTestApp({ IMPORT_MAX_BYTES: String(MAX), IMPORT_MAX_CONCURRENT: '1' });
  const user = await seedUser(t.database);
  token = user.token;
  const session = await createSession(t.database.db, user.id);
  cookie = `nb_session=${session.id}`;
  csrf = session.csrfToken;
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

const spooled = () => {
  const dir = path.join(t.ctx.config.DATA_DIR, 'spool');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
/** Spool files that appeared since `before` (jobs queued by earlier tests may still hold theirs). */
const newFiles = (before: string[]) => spooled().filter((f) => !before.includes(f));
const jobCount = async () => Number((await t.database.db.selectFrom('import_jobs').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A chunked request (no Content-Length) that writes `chunks` one by one and
 * stops writing once the answer has come (the server answers early).
 * `hold` keeps the body open after the chunks until it resolves.
 */
function sendChunked(pathName: string, headers: Record<string, string>, chunks: Buffer[], hold?: Promise<void>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method: 'POST', agent: false, headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // Writing after the server closed the connection is expected; the answer is what counts.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    void (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        await new Promise((r) => setImmediate(r));
      }
      await hold;
      if (!answered && !req.destroyed) req.end();
    })();
  });
}

const csvChunks = (bytes: number) => {
  const line = Buffer.from('Ван-Си-Сян,1888\n');
  const chunk = Buffer.concat([Buffer.from('full_name,birth_year\n'), ...Array.from({ length: 1000 }, () => line)]);
  return Array.from({ length: Math.ceil(bytes / chunk.length) }, () => chunk);
};

describe('POST /api/imports, hardened', () => {
  it('413s an oversized chunked body (no Content-Length) with nothing written to disk or the database', async () => {
    const jobs = await jobCount();
    const res = await sendChunked('/api/imports', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, csvChunks(MAX * 4));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('payload_too_large');
    expect(spooled()).toEqual([]);
    expect(await jobCount()).toBe(jobs);
  });

  it('drains a refused body for a bounded time only: a client that never stops is cut off', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(`POST /api/imports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n`);
    let answer = '';
    let answeredAt = 0;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      answer += d;
      answeredAt ||= Date.now();
    });
    socket.on('error', () => undefined);
    const chunk = csvChunks(1)[0]!;
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    const writing = setInterval(() => socket.writable && socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`, 'latin1'), 5);
    try {
      const closedAt = await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(closedAt - answeredAt).toBeGreaterThan(LINGER.ms / 2);
      expect(closedAt - answeredAt).toBeLessThan(LINGER.ms + 3_000);
    } finally {
      clearInterval(writing);
      socket.destroy();
    }
    expect(spooled()).toEqual([]);
  }, 20_000);

  it('413s a declared length over the cap before reading, and takes a body just under it', async () => {
    const jobs = await jobCount();
    const over = await request(t.app).post('/api/imports').set('Authorization', authHeader({ token })).set('Content-Type', 'text/csv').send(Buffer.alloc(MAX + 1, 0x61));
    expect(over.status).toBe(413);
    expect(spooled()).toEqual([]);
    expect(await jobCount()).toBe(jobs);
    const body = `full_name\n${'Ван\n'.repeat(Math.floor((MAX - 20) / 7))}`;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX);
    await request(t.app).post('/api/imports?dryRun=true').set('Authorization', authHeader({ token })).set('Content-Type', 'text/csv').send(body).expect(202);
  });

  it('refuses without credentials or without the CSRF token before writing a byte', async () => {
    const before = spooled();
    const anonymous = await sendChunked('/api/imports', { 'content-type': 'text/csv' }, csvChunks(MAX / 2));
    expect(anonymous.status).toBe(401);
    const noCsrf = await sendChunked('/api/imports', { cookie, 'content-type': 'text/csv' }, csvChunks(MAX / 2));
    expect(noCsrf.status).toBe(403);
    expect(spooled()).toEqual(before);
  });

  it('takes IMPORT_MAX_CONCURRENT uploads at once: the next gets 429 with Retry-After', async () => {
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    // An earlier test's accepted upload may still be in the spool, waiting for its job.
    const before = spooled();
    const first = sendChunked('/api/imports?dryRun=true', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, [Buffer.from('full_name\nВан\n')], held);
    try {
      // Wait until the first upload is being spooled (its own file exists).
      await expect.poll(() => newFiles(before).length, { timeout: 10_000 }).toBe(1);
      const second = await request(t.app).post('/api/imports').set('Authorization', authHeader({ token })).set('Content-Type', 'text/csv').send('full_name\nЛи\n');
      expect(second.status).toBe(429);
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      finish();
    }
    expect((await first).status).toBe(202);
    // The slot is free again.
    await request(t.app).post('/api/imports?dryRun=true').set('Authorization', authHeader({ token })).set('Content-Type', 'text/csv').send('full_name\nЛи\n').expect(202);
  });
});

describe('POST /imports (the form without script), hardened', () => {
  const B = 'nbTestBoundary7';
  const headers = () => ({ cookie, 'content-type': `multipart/form-data; boundary=${B}` });
  const field = (name: string, value: string) => Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const fileHead = (name: string, filename: string) => Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`);
  const closing = Buffer.from(`\r\n--${B}--\r\n`);

  it('413s an oversized chunked form with nothing written', async () => {
    const before = spooled();
    const jobs = await jobCount();
    const res = await sendChunked('/imports', headers(), [field('_csrf', csrf), fileHead('file', 'big.csv'), ...csvChunks(MAX * 4), closing]);
    expect(res.status).toBe(413);
    expect(newFiles(before)).toEqual([]);
    expect(await jobCount()).toBe(jobs);
  });

  it('refuses a forged CSRF token at the file part, before writing it', async () => {
    const before = spooled();
    const res = await sendChunked('/imports', headers(), [field('_csrf', 'forged'), fileHead('file', 'a.csv'), ...csvChunks(MAX / 2), closing]);
    expect(res.status).toBe(403);
    expect(newFiles(before)).toEqual([]);
  });

  it('refuses a second file part (400) with nothing written', async () => {
    const before = spooled();
    const jobs = await jobCount();
    const body = [field('_csrf', csrf), fileHead('file', 'a.csv'), Buffer.from('full_name\nВан'), Buffer.from(`\r\n`), fileHead('file', 'b.csv'), Buffer.from('full_name\nЛи'), closing];
    const res = await sendChunked('/imports', headers(), body);
    expect(res.status).toBe(400);
    expect(newFiles(before)).toEqual([]);
    expect(await jobCount()).toBe(jobs);
  });

  it('queues a well-formed form (303 to its job)', async () => {
    const res = await sendChunked('/imports', headers(), [field('_csrf', csrf), field('dryRun', '1'), fileHead('file', 'ok.csv'), Buffer.from('full_name\nВан'), closing]);
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/imports\/\d+$/);
  });

  it('runs every accepted upload to its end and empties the spool', async () => {
    const unfinished = () => t.database.db.selectFrom('import_jobs').select('id').where('status', 'in', ['queued', 'running']).execute();
    await expect.poll(async () => (await unfinished()).length, { timeout: 60_000 }).toBe(0);
    await expect.poll(spooled, { timeout: 10_000 }).toEqual([]);
    const jobs = await t.database.db.selectFrom('import_jobs').select(['status', 'dry_run']).execute();
    expect(jobs.length).toBe(4);
    expect(jobs.every((j) => j.status === 'succeeded' && j.dry_run)).toBe(true);
  });
});

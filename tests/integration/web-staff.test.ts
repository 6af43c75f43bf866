import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../helpers/global-setup.ts';
import type { toJobDto } from '../../src/imports/import-jobs.service.ts';
import { MESSAGES } from '../../src/web/i18n/i18n.ts';
import { formTokenFor } from '../helpers/form-token.ts';
import { createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * The archivists' pages: login and logout, the moderation queue (contacts,
 * escaping, CSRF, decisions and their effect on public pages), imports.
 */

let t: TestApp;
let recordId: number;
let archivist: Awaited<ReturnType<typeof seedUser>>;
const XSS = '<img src=x onerror=alert(1)>';
const CONTACT = 'family-contact-5521@example.org';
const cookies = (res: { headers: Record<string, unknown> }) => ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []).join(';');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  t = await createTestApp({ CORRECTION_RATE_LIMIT: '1000', LOGIN_RATE_LIMIT: '1000' });
  const [row] = await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян', birthYear: 1899, birthplace: 'Шаньдун' }]);
  recordId = Number(row!.id);
  archivist = await seedUser(t.database, { role: 'archivist', displayName: 'Archivist Chen' });
});
afterAll(() => t.close());

async function loggedIn() {
  const agent = request.agent(t.app);
  const form = await agent.get('/login').expect(200); // the agent keeps the form-token cookie
  const res = await agent.post('/login').type('form').send({ email: archivist.email, password: archivist.password, next: '/moderation', _csrf: csrfOf(form.text) }).expect(303);
  expect(res.headers.location).toBe('/moderation');
  const cookie = cookies(res);
  expect(cookie).toMatch(/nb_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  return agent;
}
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

async function propose(evidence: string, extra: Record<string, string> = {}) {
  const { cookie, _csrf } = await formTokenFor(t.app, `/records/${recordId}`);
  await request(t.app)
    .post(`/records/${recordId}/corrections`)
    .set('Cookie', cookie)
    .type('form')
    .send({ hanzi: '王希祥', pinyin: '', evidence, name: 'Wang Family', email: CONTACT, _csrf, ...extra })
    .expect(303);
}

describe('access', () => {
  it('sends anonymous visitors of staff pages to the login, and back afterwards', async () => {
    for (const path of ['/moderation', '/imports', '/imports/1', '/moderation?status=approved']) {
      const res = await request(t.app).get(path).expect(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const login = await request(t.app).get('/login?next=%2Fmoderation').expect(200);
    expect(login.text).toContain('<input type="hidden" name="next" value="/moderation">');
  });

  it('refuses a staff form post without a session (401 page) and never follows an off-site next', async () => {
    const res = await request(t.app).post('/moderation/1/approve').type('form').send({ _csrf: 'x' }).expect(401);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const { cookie, _csrf } = await formTokenFor(t.app);
    const login = await request(t.app).post('/login').set('Cookie', cookie).type('form').send({ email: archivist.email, password: archivist.password, next: '//evil.example', _csrf }).expect(303);
    expect(login.headers.location).toBe('/');
  });

  it('a wrong password re-renders the form with the error, 401, in the language', async () => {
    const { cookie, _csrf } = await formTokenFor(t.app);
    const res = await request(t.app).post('/login?lang=ru').set('Cookie', cookie).type('form').send({ email: archivist.email, password: 'wrong password!', _csrf }).expect(401);
    expect(res.text).toContain(esc(MESSAGES.ru['login.error.wrong']!));
    expect(res.text).toContain(`value="${archivist.email}"`);
    expect(cookies(res)).not.toContain('nb_session=');
    expect(res.text).toContain(`<input type="hidden" name="_csrf" value="${_csrf}">`);
    const empty = await request(t.app).post('/login').set('Cookie', cookie).type('form').send({ email: '', password: '', _csrf }).expect(401);
    expect(empty.text).toContain('id="email-error"');
    expect(empty.text).toContain('id="password-error"');
  });

  it('refuses a login without its form token: 403 page, no session, and no attempt counted', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '1' });
    try {
      const good = { email: archivist.email, password: archivist.password };
      for (let i = 0; i < 3; i++) {
        const res = await request(limited.app).post('/login?lang=zh').type('form').send(good).expect(403);
        expect(res.text).toContain(esc(MESSAGES.zh['error.csrf.title']!));
        expect(res.text).toContain(`<a href="/login">${esc(MESSAGES.zh['error.csrf.back']!)}</a>`);
        expect(cookies(res)).not.toContain('nb_session=');
      }
      const { cookie, _csrf } = await formTokenFor(limited.app);
      await request(limited.app).post('/login').set('Cookie', cookie).type('form').send({ ...good, _csrf: 'A'.repeat(43) }).expect(403);
      // The one attempt the limit allows is still there (this app's database has no such account: 401).
      await request(limited.app).post('/login').set('Cookie', cookie).type('form').send({ ...good, _csrf }).expect(401);
      await request(limited.app).post('/login').set('Cookie', cookie).type('form').send({ ...good, _csrf }).expect(429);
    } finally {
      await limited.close();
    }
  });

  it('logs out', async () => {
    const agent = await loggedIn();
    const out = await agent.post('/logout').expect(303);
    expect(cookies(out)).toContain('nb_session=;');
    await agent.get('/moderation').expect(303);
  });
});

describe('moderation', () => {
  it('shows the queue with evidence and contact, markup as text, a CSRF token in every form', async () => {
    await propose(`His letters ${XSS}`, { name: `Name ${XSS}` });
    const agent = await loggedIn();
    const res = await agent.get('/moderation?lang=zh').expect(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.text).toContain('<html lang="zh-Hans">');
    expect(res.text).toContain(esc(`His letters ${XSS}`));
    expect(res.text).toContain(esc(`Name ${XSS}`));
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain(CONTACT);
    const forms = res.text.match(/<form method="post" action="\/moderation\/\d+\/(approve|reject)"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/g) ?? [];
    expect(forms.length).toBe(2);
    expect(res.text).toContain(MESSAGES.zh['moderation.reject']);
  });

  it('refuses a decision without the CSRF token, or with a wrong one', async () => {
    const agent = await loggedIn();
    const page = await agent.get('/moderation').expect(200);
    const id = /action="\/moderation\/(\d+)\/approve"/.exec(page.text)![1];
    const missing = await agent.post(`/moderation/${id}/approve`).type('form').send({ reason: '' }).expect(403);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    await agent.post(`/moderation/${id}/approve`).type('form').send({ reason: '', _csrf: 'forged' }).expect(403);
    const after = await agent.get('/moderation').expect(200);
    expect(after.text).toContain(`action="/moderation/${id}/approve"`); // still pending
  });

  it('a rejection without a reason comes back with the error next to the reason', async () => {
    const agent = await loggedIn();
    const page = await agent.get('/moderation').expect(200);
    const id = /action="\/moderation\/(\d+)\/reject"/.exec(page.text)![1]!;
    const res = await agent.post(`/moderation/${id}/reject?lang=ru`).type('form').send({ reason: '  ', _csrf: csrfOf(page.text) }).expect(400);
    expect(res.text).toContain(`id="reject-reason-${id}-error"`);
    expect(res.text).toContain(esc(MESSAGES.ru['moderation.error.reasonRequired']!));
  });

  it('approves: the record shows the attested name and the search marks it attested', async () => {
    const agent = await loggedIn();
    const page = await agent.get('/moderation').expect(200);
    const id = /action="\/moderation\/(\d+)\/approve"/.exec(page.text)![1];
    const res = await agent.post(`/moderation/${id}/approve`).type('form').send({ reason: 'letters seen', _csrf: csrfOf(page.text) }).expect(303);
    expect(res.headers.location).toBe('/moderation?done=approved');
    expect((await agent.get(res.headers.location as string).expect(200)).text).toContain(esc(MESSAGES.en['moderation.done.approved']!));
    await agent.post(`/moderation/${id}/approve`).type('form').send({ _csrf: csrfOf(page.text) }).expect(409);

    const record = await request(t.app).get(`/records/${recordId}`).expect(200);
    expect(record.text).toMatch(/<p class="attested-line">[\s\S]*<span class="hanzi" lang="zh-Hans">王希祥<\/span>/);
    expect(record.text).toContain('letters seen');
    expect(record.text).not.toContain(CONTACT);
    const search = await request(t.app).get(`/search?q=${encodeURIComponent('王希祥')}`).expect(200);
    expect(search.text).toContain(MESSAGES.en['search.attestedMatch']);
    expect(search.text).toMatch(/<li class="attested">\s*<span class="hanzi" lang="zh-Hans">王希祥<\/span>/);
    const approved = await agent.get('/moderation?status=approved').expect(200);
    expect(approved.text).toContain('Archivist Chen');
  });
});

type JobDto = ReturnType<typeof toJobDto>;

/** Waits for an import job to end. */
async function finished(job: (id: number) => Promise<JobDto>, id: number): Promise<JobDto> {
  for (let i = 0; i < 1200; i++) {
    const j = await job(id);
    if (j.status !== 'queued' && j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

/**
 * On PostgreSQL: a second connection holds SHARE on records, so an import blocks at its first write
 * until the returned function is called. PGlite has one connection, where that would block everything: undefined.
 */
async function holdRecordsLock(): Promise<(() => Promise<void>) | undefined> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
  const client = new pg.Client({ connectionString: withDatabase(testDb.adminUrl, rows[0]!.name) });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE records IN SHARE MODE');
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await client.query('COMMIT');
    await client.end();
  };
}

describe('imports', () => {
  it('uploads a CSV as a form (dry run), follows the job and shows the bad row', async () => {
    const agent = await loggedIn();
    const page = await agent.get('/imports?lang=ru').expect(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('<input id="dryRun" name="dryRun" type="checkbox" value="1" checked');
    const csv = 'full_name,birth_year\nЛи-Фу,1890\nЧжан-Сан,не год\n';
    await agent.post('/imports').field('dryRun', '1').attach('file', Buffer.from(csv), { filename: 'bad.csv', contentType: 'text/csv' }).expect(403);
    const res = await agent
      .post('/imports')
      .field('_csrf', csrfOf(page.text))
      .field('dryRun', '1')
      .field('source', 'test list')
      .attach('file', Buffer.from(csv), { filename: 'bad.csv', contentType: 'text/csv' })
      .expect(303);
    const jobPath = res.headers.location as string;
    expect(jobPath).toMatch(/^\/imports\/\d+$/);
    let job = await agent.get(`${jobPath}?lang=ru`).expect(200);
    for (let i = 0; i < 100 && job.text.includes('data-poll='); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await agent.get(jobPath).expect(200);
    }
    expect(job.text).not.toContain('data-poll=');
    expect(job.text).toContain('<html lang="ru">');
    expect(job.text).toContain(MESSAGES.ru['job.dryRunNote']);
    expect(job.text).toMatch(/<tr><td>3<\/td><td>birth_year<\/td><td lang="en">[^<]+<\/td><\/tr>/);
    const report = /href="(\/api\/imports\/\d+\/errors\.csv)"/.exec(job.text)![1]!;
    const csvReport = await agent.get(report).expect(200);
    expect(csvReport.text).toMatch(/^line,column,message\r\n3,birth_year,/);
  });

  it('goes through the import queue: spooled to disk, queued behind an API import, the file removed afterwards', async () => {
    // The test app's own DATA_DIR: its spool is this test's to watch.
    const spoolDir = path.join(t.ctx.config.DATA_DIR, 'spool');
    const spooled = () => (fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir) : []);
    const agent = await loggedIn();
    const page = await agent.get('/imports').expect(200);
    const csv = (n: number, tag: string) => `external_id,full_name,birth_year\n${Array.from({ length: n }, (_, i) => `${tag}-${i},Ли-Фу-${i},1890`).join('\n')}\n`;
    // A refused upload (wrong CSRF token) is refused at the file part: nothing is written.
    await agent.post('/imports').field('_csrf', 'forged').attach('file', Buffer.from(csv(3, 'x')), { filename: 'x.csv', contentType: 'text/csv' }).expect(403);
    expect(spooled()).toEqual([]);

    // An import through the API first, held up (on PostgreSQL) by a lock on the records it must write;
    // then the form's: it must wait its turn in the one queue, not start beside it.
    const release = await holdRecordsLock();
    let a: JobDto, b: JobDto;
    try {
      const first = await request(t.app).post('/api/imports?source=queue-a').set('Authorization', `Bearer ${archivist.token}`).type('text/csv').send(csv(5, 'a')).expect(202);
      const res = await agent
        .post('/imports')
        .field('_csrf', csrfOf(page.text))
        .field('source', 'queue-b')
        .field('dryRun', '1')
        .attach('file', Buffer.from(csv(5, 'b')), { filename: 'b.csv', contentType: 'text/csv' })
        .expect(303);
      const secondId = Number(/^\/imports\/(\d+)$/.exec(res.headers.location as string)![1]);
      const job = async (id: number): Promise<JobDto> => (await agent.get(`/api/imports/${id}`).expect(200)).body.job;
      if (release) {
        await new Promise((r) => setTimeout(r, 500));
        expect((await job(secondId)).status).toBe('queued');
        expect(spooled()).toHaveLength(2); // both files spooled, waiting
      }
      await release?.();
      [a, b] = [await finished(job, first.body.job.id), await finished(job, secondId)];
    } finally {
      await release?.();
    }
    expect(a.status).toBe('succeeded');
    expect(b).toMatchObject({ status: 'succeeded', source: 'queue-b', fileName: 'b.csv', actor: `user:${archivist.id}`, dryRun: true });
    expect(b.progress.bytesTotal).toBe(Buffer.byteLength(csv(5, 'b')));
    expect(b.report.inserted).toBe(5);
    expect(Date.parse(b.startedAt!)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt!));
    expect(spooled()).toEqual([]);
  });

  it('asks again for a file when none was chosen', async () => {
    const agent = await loggedIn();
    const page = await agent.get('/imports').expect(200);
    const res = await agent.post('/imports').field('_csrf', csrfOf(page.text)).field('dryRun', '1').expect(400);
    expect(res.text).toContain('id="file-error"');
  });

  it('an anonymous upload is refused before its body is read', async () => {
    await request(t.app).post('/imports').attach('file', Buffer.from('full_name\nX\n'), 'a.csv').expect(401);
  });
});

describe('rate limits', () => {
  it('limits login attempts (429 page)', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '2' });
    try {
      const { cookie, _csrf } = await formTokenFor(limited.app);
      const attempt = () => request(limited.app).post('/login').set('Cookie', cookie).type('form').send({ email: 'a@b.org', password: 'x', _csrf });
      for (let i = 0; i < 2; i++) await attempt().expect(401);
      const res = await attempt().expect(429);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

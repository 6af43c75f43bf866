import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startLogged, startNode, type LoggedProcess } from '../helpers/processes.ts';
import { createPostgresCopy, POSTGRES_ONLY, testBackend } from '../helpers/test-database.ts';

/**
 * `npm start` on PostgreSQL with WORKERS=2: a primary and two HTTP workers on
 * one port. What must be one across workers is one: the login limit (counts in
 * PostgreSQL, not in each worker's memory), and SIGTERM stops them all.
 */
interface Cluster extends LoggedProcess {
  port: number;
}

async function startCluster(env: NodeJS.ProcessEnv): Promise<Cluster> {
  const started = startLogged(['src/main.ts'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED: 'false', ...env });
  const until = Date.now() + 60_000;
  while (!started.logs().includes('"msg":"all workers listening"')) {
    if (Date.now() > until || started.child.exitCode !== null) throw new Error(`the cluster did not start:\n${started.logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(/"port":(\d+)[^\n]*"msg":"listening"/.exec(started.logs())![1]);
  return { ...started, port };
}

/** One request on a connection of its own, so the cluster hands each to the next worker. */
function postOnNewConnection(port: number, path: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Worker ids of the access-log lines for `path`. */
const workersServing = (logs: string, path: string) =>
  new Set(logs.split('\n').filter((l) => l.includes(`"url":"${path}"`) && l.includes('"msg":"request')).map((l) => JSON.parse(l).worker as number));

describe('npm start with several workers (PostgreSQL)', () => {
  it.skipIf(testBackend() !== 'postgres')(`${POSTGRES_ONLY} (several workers need DATABASE_URL): serves from every worker, enforces one login limit across them, and stops them all on SIGTERM`, async () => {
    const { url, drop } = await createPostgresCopy();
    try {
      const cluster = await startCluster({ DATABASE_URL: url, WORKERS: '2', LOGIN_RATE_LIMIT: '3' });
      try {
        // Each worker's own line may trail the primary's "all workers listening" on the shared pipe.
        const listeningWorkers = () => new Set(cluster.logs().split('\n').filter((l) => l.includes('"msg":"listening"')).map((l) => JSON.parse(l).worker));
        await expect.poll(listeningWorkers, { timeout: 10_000 }).toEqual(new Set([1, 2]));

        const wrong = { email: 'nobody@example.org', password: 'not the password' };
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push(await postOnNewConnection(cluster.port, '/api/session', wrong));
        // Round-robin hands connections out in turn but passes over a worker that is busy (still
        // starting its job runners on a loaded machine), and request lines reach the pipe a little
        // after the answers: until both workers have served an attempt, try again — each refused.
        for (let i = 0; i < 100 && workersServing(cluster.logs(), '/api/session').size < 2; i++) {
          await new Promise((r) => setTimeout(r, 200));
          statuses.push(await postOnNewConnection(cluster.port, '/api/session', wrong));
        }
        // Per-worker counts would let 3 attempts through on each worker: 6 × 401.
        expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 429, 429, 429]);
        expect(statuses.slice(6).filter((s) => s !== 429)).toEqual([]);
        // No worker died on the way (one did, of a pooled connection left in an aborted transaction).
        expect(cluster.logs()).not.toMatch(/worker died|failed to start/);
        expect(workersServing(cluster.logs(), '/api/session'), cluster.logs()).toEqual(new Set([1, 2]));

        cluster.child.kill('SIGTERM');
        expect(await cluster.exited).toBe(0);
        const stopped = cluster.logs().split('\n').filter((l) => l.includes('"msg":"stopped"'));
        expect(stopped.map((l) => JSON.parse(l).worker ?? 'primary').sort()).toEqual([1, 2, 'primary']);
      } finally {
        // A failed assertion must not leave the cluster running (its workers leave with the primary).
        if (cluster.child.exitCode === null) cluster.child.kill('SIGKILL');
      }
    } finally {
      await drop();
    }
  }, 120_000);

  it('refuses WORKERS > 1 on the embedded database', async () => {
    const child = startNode(['src/main.ts'], { DATABASE_URL: '', WORKERS: '2', PORT: '0' });
    let err = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => (err += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/WORKERS: more than 1 needs DATABASE_URL/);
  }, 60_000);
});

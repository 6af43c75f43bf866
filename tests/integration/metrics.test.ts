import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startLogged, type LoggedProcess } from '../helpers/processes.ts';
import { createPostgresCopy } from '../helpers/test-database.ts';

/**
 * Prometheus metrics: only on METRICS_PORT (the public port has no /metrics),
 * by route pattern, and on a cluster summed over every worker.
 */
async function start(env: NodeJS.ProcessEnv, ready: string): Promise<LoggedProcess & { port: number; metricsPort: number }> {
  const started = startLogged(['src/main.ts'], { PORT: '0', METRICS_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED: 'false', ...env });
  const until = Date.now() + 150_000;
  while (!(started.logs().includes(ready) && started.logs().includes('"msg":"metrics listening"'))) {
    if (Date.now() > until || started.child.exitCode !== null) {
      started.child.kill('SIGKILL');
      throw new Error(`the service did not start:\n${started.logs()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(/"port":(\d+)[^\n]*"msg":"listening"/.exec(started.logs())![1]);
  const metricsPort = Number(/"port":(\d+)[^\n]*"msg":"metrics listening"/.exec(started.logs())![1]);
  return { ...started, port, metricsPort };
}

/** One request on a connection of its own, so a cluster hands each to the next worker. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    // A request that never answers fails here, naming itself, instead of stalling the test.
    req.setTimeout(20_000, () => req.destroy(new Error(`GET ${path} on port ${port}: no answer in 20 s`)));
    req.end();
  });
}

/** The value of one series in the Prometheus text format, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

async function stop(p: LoggedProcess) {
  p.child.kill('SIGTERM');
  await Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

describe('metrics', () => {
  it('one process: request counts by route and status, search phases, event-loop lag, import jobs; none on the public port', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-metrics-'));
    const service = await start({ DATA_DIR: dir, DATABASE_URL: '' }, '"msg":"listening"');
    try {
      for (let i = 0; i < 3; i++) expect((await get(service.port, '/healthz')).status).toBe(200);
      expect((await get(service.port, '/api/records/424242')).status).toBe(404);
      expect((await get(service.port, `/api/search?q=${encodeURIComponent('王希祥')}`)).status).toBe(200);
      expect((await get(service.port, '/metrics')).status).toBe(404);

      const { status, body } = await get(service.metricsPort, '/metrics');
      expect(status).toBe(200);
      expect(sample(body, 'namebridge_http_requests_total', { route: '/healthz', status: '200' })).toBe(3);
      expect(sample(body, 'namebridge_http_requests_total', { route: '/api/records/:id', status: '404' })).toBe(1);
      expect(sample(body, 'namebridge_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
      expect(body).not.toContain('424242');
      expect(sample(body, 'namebridge_http_request_duration_seconds_count', { route: '/api/search' })).toBe(1);
      for (const phase of ['decode', 'candidates', 'rank', 'load']) {
        expect(sample(body, 'namebridge_search_phase_duration_seconds_count', { phase })).toBe(1);
      }
      expect(sample(body, 'namebridge_search_candidates_count')).toBe(1);
      expect(sample(body, 'namebridge_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(body, 'namebridge_import_jobs', { status: 'failed' })).toBe(0);
      expect(sample(body, 'namebridge_import_rows_read_total')).toBe(0);
      expect((await get(service.metricsPort, '/api/stats')).status).toBe(404);
    } finally {
      await stop(service);
    }
  }, 200_000);

  it.skipIf(inject('testDb').backend !== 'postgres')('a cluster: the primary sums every worker\'s counts (PostgreSQL, WORKERS=2)', async () => {
    const { url, drop } = await createPostgresCopy();
    const service = await start({ DATABASE_URL: url, WORKERS: '2' }, '"msg":"all workers listening"');
    try {
      // Requests until both workers have served some (the kernel decides who takes a
      // connection), so a per-worker count could not reach n. Each worker writes its
      // request lines asynchronously: wait until all n are out before reading them.
      const served = () => service.logs().split('\n').filter((l) => l.includes('"url":"/healthz"') && l.includes('"msg":"request')).map((l) => JSON.parse(l).worker as number);
      let n = 0;
      for (let round = 0; round < 10 && new Set(served()).size < 2; round++) {
        for (let i = 0; i < 12; i++, n++) expect((await get(service.port, '/healthz')).status).toBe(200);
        for (const until = Date.now() + 15_000; served().length < n && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
      }
      expect(served()).toHaveLength(n);
      expect(new Set(served())).toEqual(new Set([1, 2]));
      const { body } = await get(service.metricsPort, '/metrics');
      expect(sample(body, 'namebridge_http_requests_total', { route: '/healthz', status: '200' })).toBe(n);
      expect(sample(body, 'namebridge_http_request_duration_seconds_count', { route: '/healthz' })).toBe(n);
      expect(sample(body, 'namebridge_db_pool_connections', { pool: 'general', state: 'max' })).toBe(2 * 10 * 1);
      expect(sample(body, 'namebridge_import_jobs', { status: 'succeeded' })).toBe(0);
      expect((await get(service.port, '/metrics')).status).toBe(404);
    } finally {
      await stop(service);
      await drop();
    }
  }, 200_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { listen } from '../../src/http/server.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { collect, startNode } from '../helpers/processes.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish and refuses new connections', async () => {
    const app = express();
    app.get('/slow', (_req, res) => {
      setTimeout(() => res.json({ done: true }), 300);
    });
    const running = await listen(app, 0, '127.0.0.1', createLogger('silent'));
    const base = `http://127.0.0.1:${running.port}`;
    const inFlight = fetch(`${base}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 50));
    const stopped = running.stop();
    expect(await inFlight).toEqual({ done: true });
    await stopped;
    await expect(fetch(`${base}/slow`)).rejects.toThrow();
  });

  it('on SIGTERM the service finishes, closes the database and releases DATA_DIR', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-stop-'));
    const child = startNode(['src/main.ts'], { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' });
    const done = collect(child);
    let port: number | undefined;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('service did not start')), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        const m = /"port":(\d+).*"msg":"listening"/.exec(chunk.toString());
        if (m) {
          port = Number(m[1]);
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(fs.existsSync(path.join(dir, 'namebridge.lock'))).toBe(true);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dir, 'namebridge.lock'))).toBe(false);
  });
});

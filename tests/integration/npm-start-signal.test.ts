import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/processes.ts';
import { createPostgresCopy } from '../helpers/test-database.ts';

/**
 * An orchestrator (or a terminal) stops the service by signalling the process
 * it started: `npm start`. npm must hand SIGTERM to the server, the server
 * drain and stop, and nothing of the tree stay behind holding the port.
 */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Every process under `root`, from ps (Linux and macOS). */
function descendants(root: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of rows) {
      if (parent !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function sigtermNpmStart(env: NodeJS.ProcessEnv, ready: string) {
  const port = await freePort();
  const npm = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SEED: 'false', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  npm.stdout.on('data', (d: Buffer) => (logs += d.toString()));
  npm.stderr.on('data', (d: Buffer) => (logs += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm.on('close', resolve));
  const until = Date.now() + 150_000;
  while (!logs.includes(ready)) {
    if (Date.now() > until || npm.exitCode !== null) {
      npm.kill('SIGTERM');
      throw new Error(`npm start did not come up:\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await portOpen(port)).toBe(true);
  const pids = descendants(npm.pid!);
  try {
    expect(pids.length).toBeGreaterThan(0);
    const sent = Date.now();
    npm.kill('SIGTERM');
    while (await portOpen(port)) {
      if (Date.now() - sent > 10_000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const freedMs = Date.now() - sent;
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    await new Promise((r) => setTimeout(r, 200));
    return { freedMs, logs, leftover: pids.filter(alive), portStillOpen: await portOpen(port) };
  } finally {
    // Whatever the outcome, leave no server behind for the next test.
    for (const pid of [npm.pid!, ...pids].filter(alive)) process.kill(pid, 'SIGKILL');
  }
}

describe('SIGTERM to the npm start process', () => {
  it('stops the server: the port is free within 10 s and no process is left', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-npm-'));
    const result = await sigtermNpmStart({ DATA_DIR: dir, DATABASE_URL: '' }, '"msg":"listening"');
    expect(result.portStillOpen).toBe(false);
    expect(result.freedMs).toBeLessThan(10_000);
    expect(result.leftover).toEqual([]);
    expect(result.logs).toContain('"msg":"stopped"');
  }, 200_000);

  it.skipIf(inject('testDb').backend !== 'postgres')('stops the primary and every worker (PostgreSQL, WORKERS=2)', async () => {
    const { url, drop } = await createPostgresCopy();
    try {
      const result = await sigtermNpmStart({ DATABASE_URL: url, WORKERS: '2' }, '"msg":"all workers listening"');
      expect(result.portStillOpen).toBe(false);
      expect(result.freedMs).toBeLessThan(10_000);
      expect(result.leftover).toEqual([]);
    } finally {
      await drop();
    }
  }, 200_000);
});

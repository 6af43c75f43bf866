import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/processes.ts';

/**
 * No Docker engine runs where the tests run, so the image is checked as text:
 * what the issue asks of it, and that everything it copies exists.
 */
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'));
const stages = instructions.filter((l) => l.startsWith('FROM '));
const runtime = instructions.slice(instructions.indexOf(stages.at(-1)!));

describe('Dockerfile', () => {
  it('is multi-stage, installs production dependencies only, runs as a non-root user with a HEALTHCHECK', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(instructions.filter((l) => /npm (ci|install)/.test(l)).every((l) => l.includes('--omit=dev'))).toBe(true);
    const user = runtime.find((l) => l.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(runtime.findIndex((l) => l.startsWith('USER '))).toBeLessThan(runtime.findIndex((l) => l.startsWith('CMD ')));
    expect(runtime.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('/healthz'))).toBe(true);
    // The server itself is the container's process, so `docker stop`'s SIGTERM reaches it.
    expect(runtime.find((l) => l.startsWith('CMD '))).toMatch(/^CMD \["node",/);
  });

  it('copies only paths that exist, and everything the server reads at run time', () => {
    const copied = instructions
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) => l.replace(/^COPY\s+/, '').split(/\s+/).slice(0, -1));
    for (const source of copied) expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true);
    for (const needed of ['src', 'migrations', 'fixtures/seed', 'bin', 'package-lock.json']) expect(copied).toContain(needed);
  });
});

describe('docker-compose.yml', () => {
  it('builds the Dockerfile instead of installing inside a stock image, with metrics off the public port', () => {
    const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    const app = compose.slice(compose.indexOf('\n  app:'));
    expect(app).toMatch(/\n {4}build: \.\n/);
    expect(app).not.toMatch(/npm ci|image: node/);
    expect(app).toMatch(/METRICS_PORT: 9464/);
    expect(app).not.toMatch(/- '9464:9464'/);
  });
});

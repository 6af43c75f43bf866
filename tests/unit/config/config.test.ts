import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, workerCount } from '../../../src/config/config.ts';
import { StartupError } from '../../../src/shared/errors.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe(path.resolve('./data'));
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('treats an empty DATABASE_URL as unset (embedded)', () => {
    expect(loadConfig({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts a PostgreSQL URL and a port', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/nb', PORT: '8080', HOST: '127.0.0.1' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgres://u@db:5432/nb', PORT: 8080, HOST: '127.0.0.1' });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_READ_URL: 'nope' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as Error).message;
    for (const name of ['DATABASE_URL', 'PORT', 'LOG_LEVEL', 'DATABASE_READ_URL']) expect(message).toContain(name);
  });

  it('serves metrics only when METRICS_PORT is set, and never on the public port', () => {
    expect(loadConfig({}).METRICS_PORT).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' })).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: '127.0.0.1' });
    expect(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(/METRICS_PORT: must differ from PORT/);
    expect(() => loadConfig({ METRICS_PORT: '3000' })).toThrow(/METRICS_PORT/);
  });

  it('search safety: generous defaults, 0 turns the rate limit off, bad values named', () => {
    expect(loadConfig({})).toMatchObject({ SEARCH_TIMEOUT_MS: 1500, SEARCH_RATE_LIMIT: 60, SEARCH_RATE_WINDOW_SECONDS: 60, STATS_CACHE_SECONDS: 30 });
    expect(loadConfig({ SEARCH_RATE_LIMIT: '0' }).SEARCH_RATE_LIMIT).toBe(0);
    const bad = () => loadConfig({ SEARCH_RATE_LIMIT: '-1', SEARCH_RATE_WINDOW_SECONDS: '0', SEARCH_TIMEOUT_MS: 'soon' });
    for (const name of ['SEARCH_RATE_LIMIT', 'SEARCH_RATE_WINDOW_SECONDS', 'SEARCH_TIMEOUT_MS']) expect(bad).toThrow(name);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  describe('WORKERS', () => {
    const pg = 'postgres://u@db:5432/nb';
    it('defaults to one worker per CPU on PostgreSQL', () => {
      expect(workerCount(loadConfig({ DATABASE_URL: pg }), 4)).toBe(4);
      expect(workerCount(loadConfig({ DATABASE_URL: pg }), 1)).toBe(1);
    });

    it('takes WORKERS as given on PostgreSQL', () => {
      expect(workerCount(loadConfig({ DATABASE_URL: pg, WORKERS: '3' }), 8)).toBe(3);
      expect(workerCount(loadConfig({ DATABASE_URL: pg, WORKERS: '1' }), 8)).toBe(1);
    });

    it('is always one process on the embedded database', () => {
      expect(workerCount(loadConfig({}), 8)).toBe(1);
      expect(workerCount(loadConfig({ WORKERS: '1' }), 8)).toBe(1);
    });

    it('refuses more than one worker on the embedded database, and nonsense', () => {
      expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS: more than 1 needs DATABASE_URL/);
      expect(() => loadConfig({ DATABASE_URL: pg, WORKERS: '0' })).toThrow(/WORKERS/);
      expect(() => loadConfig({ DATABASE_URL: pg, WORKERS: 'many' })).toThrow(/WORKERS/);
    });
  });
});

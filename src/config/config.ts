import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { StartupError } from '../shared/errors.ts';
import { DEFAULT_TRUST_PROXY, parseTrustProxy } from './trust-proxy.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

/** Empty strings count as unset, so `DATABASE_URL= npm start` means "embedded". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  DATABASE_URL: optional(postgresUrl),
  DATABASE_READ_URL: optional(postgresUrl),
  DATA_DIR: optional(z.string()).transform((v) => path.resolve(v ?? './data')),
  PORT: optional(z.coerce.number().int().min(0).max(65535)).transform((v) => v ?? 3000),
  HOST: optional(z.string()).transform((v) => v ?? '0.0.0.0'),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)).transform((v) => v ?? 'info'),
  DB_POOL_SIZE: optional(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 10),
  // Per client address: public correction submissions and login attempts.
  CORRECTION_RATE_LIMIT: optional(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 10),
  CORRECTION_RATE_WINDOW_MINUTES: optional(z.coerce.number().int().min(1).max(1440)).transform((v) => v ?? 10),
  LOGIN_RATE_LIMIT: optional(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 10),
  LOGIN_RATE_WINDOW_MINUTES: optional(z.coerce.number().int().min(1).max(1440)).transform((v) => v ?? 15),
  SESSION_TTL_HOURS: optional(z.coerce.number().int().min(1).max(24 * 30)).transform((v) => v ?? 12),
  // `npm start` on an empty database loads fixtures/seed/ (src/seed/seed.ts); SEED=false skips it.
  SEED: optional(z.stringbool()).transform((v) => v ?? true),
  // `npm start` rebuilds readings of another decoder version in the background (src/search/reindex.start.ts).
  REINDEX_ON_START: optional(z.stringbool()).transform((v) => v ?? false),
  // Server processes (node:cluster). Unset: one per CPU on PostgreSQL, one on PGlite (workerCount).
  WORKERS: optional(z.coerce.number().int().min(1).max(64)),
  // Uploads (POST /api/imports, the /imports form): bytes read at most per upload, uploads at once per process.
  IMPORT_MAX_BYTES: optional(z.coerce.number().int().min(1024).max(2 ** 40)).transform((v) => v ?? 2 * 1024 ** 3),
  IMPORT_MAX_CONCURRENT: optional(z.coerce.number().int().min(1).max(1000)).transform((v) => v ?? 2),
  // Which peers may set X-Forwarded-For/-Proto (src/config/trust-proxy.ts): false, a hop count, or addresses/CIDRs.
  TRUST_PROXY: optional(z.string()).transform((v, ctx) => {
    const parsed = parseTrustProxy(v ?? DEFAULT_TRUST_PROXY);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }),
  // Failed logins per account (whether or not it exists) per LOGIN_RATE_WINDOW_MINUTES, besides the per-address limit.
  LOGIN_ACCOUNT_RATE_LIMIT: optional(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 10),
  // Search safety (docs/search.md, "Bounds"): statement_timeout of the search pool (0: none),
  // searches per client address per window (0: no limit), and how old the cached counts may be.
  SEARCH_TIMEOUT_MS: optional(z.coerce.number().int().min(0).max(600_000)).transform((v) => v ?? 1500),
  SEARCH_RATE_LIMIT: optional(z.coerce.number().int().min(0).max(100_000)).transform((v) => v ?? 60),
  SEARCH_RATE_WINDOW_SECONDS: optional(z.coerce.number().int().min(1).max(86_400)).transform((v) => v ?? 60),
  STATS_CACHE_SECONDS: optional(z.coerce.number().int().min(0).max(3600)).transform((v) => v ?? 30),
  // Link proposals scoring at least this are confirmed automatically, marked for review (src/links/); unset: never.
  LINK_AUTO_CONFIRM_SCORE: optional(z.coerce.number().min(0.5).max(1)),
  // Prometheus metrics on a port of their own (src/metrics/); unset: no metrics server.
  METRICS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  METRICS_HOST: optional(z.string()).transform((v) => v ?? '127.0.0.1'),
});

export type Config = z.output<typeof envSchema>;

/**
 * Parses the environment once. Every bad variable is named in one error, so an
 * operator fixes them all in one go rather than one restart at a time.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.superRefine(embeddedIsOneProcess).superRefine(metricsOffThePublicPort).safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new StartupError(`Invalid configuration:\n${lines.join('\n')}`);
}

/**
 * PGlite runs inside the process that opened it and its data directory admits
 * one process (src/db/data-dir-lock.ts), so more than one worker needs PostgreSQL.
 */
function embeddedIsOneProcess(config: { DATABASE_URL?: string | undefined; WORKERS?: number | undefined }, ctx: z.RefinementCtx): void {
  if (!config.DATABASE_URL && config.WORKERS !== undefined && config.WORKERS > 1) {
    ctx.addIssue({ code: 'custom', path: ['WORKERS'], message: 'more than 1 needs DATABASE_URL (the embedded database admits one process)' });
  }
}

/** The metrics say how the service is used: they are never served on the public port. */
function metricsOffThePublicPort(config: { PORT: number; METRICS_PORT?: number | undefined }, ctx: z.RefinementCtx): void {
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT !== 0 && config.METRICS_PORT === config.PORT) {
    ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT (metrics are never served on the public port)' });
  }
}

/**
 * How many server processes `npm start` runs: WORKERS if set; otherwise one per
 * CPU on PostgreSQL (searching is CPU work in Node — ranking, explaining — and
 * one process uses one core), and always one on the embedded PGlite.
 */
export function workerCount(config: Pick<Config, 'DATABASE_URL' | 'WORKERS'>, cpus: number = os.availableParallelism()): number {
  if (!config.DATABASE_URL) return 1;
  return config.WORKERS ?? Math.max(1, cpus);
}

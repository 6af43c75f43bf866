import { sql } from 'kysely';
import { createMigrator } from '../db/migrate.ts';
import type { AppContext } from '../shared/context.ts';
import { staleReadingsCount } from '../search/reading-versions.service.ts';

/**
 * What GET /readyz asks before a load balancer sends traffic here. Each check
 * answers ok or says what is wrong; a check that does not answer within
 * CHECK_TIMEOUT_MS fails. Another check is one more line in READINESS_CHECKS.
 */
export interface ReadinessCheck {
  name: string;
  run(ctx: AppContext): Promise<CheckOutcome>;
}

export type CheckOutcome = { ok: true } | { ok: false; message: string };
export type CheckResult = { name: string; ok: boolean; message?: string };

export const CHECK_TIMEOUT_MS = 2_000;

const databaseReachable: ReadinessCheck = {
  name: 'database',
  run: async (ctx) => {
    await sql`SELECT 1`.execute(ctx.database.db);
    if (ctx.database.readDb !== ctx.database.db) await sql`SELECT 1`.execute(ctx.database.readDb);
    return { ok: true };
  },
};

/** A server older or newer than its database's schema answers wrongly: not ready until migrated. */
const migrationsCurrent: ReadinessCheck = {
  name: 'migrations',
  run: async (ctx) => {
    const pending = (await createMigrator(ctx.database.db).getMigrations()).filter((m) => m.executedAt === undefined);
    if (pending.length === 0) return { ok: true };
    return { ok: false, message: `pending migrations: ${pending.map((m) => m.name).join(', ')} (run \`namebridge migrate\`)` };
  },
};

/**
 * Readings another decoder version derived make search miss or misrank those
 * records: not ready until `namebridge reindex` (or REINDEX_ON_START) has rebuilt them.
 */
const readingsCurrent: ReadinessCheck = {
  name: 'readings',
  run: async (ctx) => {
    const stale = await staleReadingsCount(ctx.database.db);
    if (stale === 0) return { ok: true };
    return { ok: false, message: `${stale} records have readings of another decoder version (run \`namebridge reindex\`)` };
  },
};

export const READINESS_CHECKS: ReadinessCheck[] = [databaseReachable, migrationsCurrent, readingsCurrent];

export async function runChecks(ctx: AppContext, checks: readonly ReadinessCheck[] = READINESS_CHECKS): Promise<CheckResult[]> {
  return Promise.all(checks.map(async (check): Promise<CheckResult> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CheckOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, message: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([check.run(ctx), timeout]);
      return outcome.ok ? { name: check.name, ok: true } : { name: check.name, ok: false, message: outcome.message };
    } catch (err) {
      // The error's message (e.g. "connection refused") helps the operator; it carries no secret.
      return { name: check.name, ok: false, message: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }));
}

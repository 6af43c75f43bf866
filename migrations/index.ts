import type { Migration } from 'kysely';
import * as m0001 from './0001_records.ts';
import * as m0002 from './0002_search.ts';
import * as m0003 from './0003_imports.ts';
import * as m0004 from './0004_accounts_corrections.ts';
import * as m0005 from './0005_rate_limits.ts';
import * as m0011 from './0011_person_links.ts';

/**
 * Every migration, in order, listed by hand: explicit, so no file-system scan
 * decides what runs, and it works the same under tsx, vitest and a bundler.
 * Add new ones at the end; never rename or edit a landed one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_records': m0001,
  '0002_search': m0002,
  '0003_imports': m0003,
  '0004_accounts_corrections': m0004,
  '0005_rate_limits': m0005,
  '0011_person_links': m0011,
};

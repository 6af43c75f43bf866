import type { Migration } from 'kysely';
import * as m0001 from './0001_records.ts';

/**
 * Every migration, in order, listed by hand: explicit, so no file-system scan
 * decides what runs, and it works the same under tsx, vitest and a bundler.
 * Add new ones at the end; never rename or edit a landed one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_records': m0001,
};

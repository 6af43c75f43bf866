import type { Migration } from 'kysely';
import * as m0001 from './0001_records.ts';
import * as m0002 from './0002_search.ts';
import * as m0003 from './0003_imports.ts';
import * as m0004 from './0004_accounts_corrections.ts';
import * as m0005 from './0005_rate_limits.ts';
import * as m0006 from './0006_source_claims.ts';
import * as m0007 from './0007_durable_jobs.ts';
import * as m0008 from './0008_search_safety.ts';
import * as m0009 from './0009_account_lifecycle.ts';
import * as m0010 from './0010_reading_versions.ts';
import * as m0011 from './0011_person_links.ts';
import * as m0012 from './0012_job_public_columns.ts';
import * as m0016 from './0016_link_pending.ts';
import * as m0017 from './0017_surname_word_order.ts';
import * as m0018 from './0018_surname_lexicon.ts';
import * as m0019 from './0019_nationality_year.ts';
import * as m0020 from './0020_drop_name_trigram.ts';

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
  '0006_source_claims': m0006,
  '0007_durable_jobs': m0007,
  '0008_search_safety': m0008,
  '0009_account_lifecycle': m0009,
  '0010_reading_versions': m0010,
  '0011_person_links': m0011,
  '0012_job_public_columns': m0012,
  '0016_link_pending': m0016,
  '0017_surname_word_order': m0017,
  '0018_surname_lexicon': m0018,
  '0019_nationality_year': m0019,
  '0020_drop_name_trigram': m0020,
};

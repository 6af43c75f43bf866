import type { Insertable, Selectable, Updateable } from 'kysely';
import type * as G from './schema.generated.ts';

/**
 * Kysely's view of the tables: schema.generated.ts, which `npm run db:types`
 * writes from a freshly migrated database (kysely-codegen; JSON and
 * enum-like columns refined in .kysely-codegenrc.json), and CI regenerates and
 * compares. This file only names what the code uses. bigint ids come back
 * from pg as strings, so they are typed as such and converted at the edge
 * (records/record.dto.ts).
 */
export type { DB } from './schema.generated.ts';
export type { ImportJobStatus, UndoOutcome } from './schema.types.ts';

export type RecordsTable = G.Records;
export type RecordEventsTable = G.RecordEvents;
export type AttestedNamesTable = G.AttestedNames;
export type RecordReadingsTable = G.RecordReadings;
export type UsersTable = G.Users;
export type ApiTokensTable = G.ApiTokens;
export type SessionsTable = G.Sessions;
export type CorrectionsTable = G.Corrections;
export type ImportJobsTable = G.ImportJobs;
export type RecordClaimsTable = G.RecordClaims;
export type RecordConflictsTable = G.RecordConflicts;
export type RateLimitsTable = G.RateLimits;
export type RecordLinksTable = G.RecordLinks;
export type RecordPersonsTable = G.RecordPersons;
export type LinkRunsTable = G.LinkRuns;
export type LinkKeysTable = G.LinkKeys;
export type LinkPendingTable = G.LinkPending;
export type SurnameLexiconTable = G.SurnameLexicon;

export type RecordRow = Selectable<RecordsTable>;
export type NewRecordRow = Insertable<RecordsTable>;
export type RecordUpdate = Updateable<RecordsTable>;

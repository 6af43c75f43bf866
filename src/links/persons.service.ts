import type { Kysely } from 'kysely';
import { listAttestedNames } from '../records/attested-names.service.ts';
import type { DB } from '../db/schema.ts';
import { toRecordDto, type RecordDto } from '../records/record.dto.ts';
import { recordsById } from '../records/records.service.ts';
import { NotFoundError } from '../shared/errors.ts';
import { personIdsOf, personSizes, recordIdsOfPerson } from './persons.repository.ts';

/**
 * What families see of persons: records joined by confirmed links, each
 * still as its source wrote it, side by side. Never one merged row.
 */

export interface PersonRef {
  id: number;
  recordIds: number[];
}

export interface PersonDto {
  id: number;
  recordCount: number;
  sources: string[];
  /** Every name form: the spellings as recorded (any script) and the attested characters. */
  names: { recorded: string[]; hanzi: string[] };
  records: Array<RecordDto & { attestedNames: Awaited<ReturnType<typeof listAttestedNames>> }>;
}

export async function personOfRecord(db: Kysely<DB>, recordId: number): Promise<PersonRef | null> {
  const personId = (await personIdsOf(db, [recordId])).get(String(recordId));
  if (personId === undefined) return null;
  return { id: Number(personId), recordIds: (await recordIdsOfPerson(db, personId)).map(Number) };
}

export async function getPerson(db: Kysely<DB>, personId: number): Promise<PersonDto> {
  const ids = await recordIdsOfPerson(db, personId);
  if (ids.length === 0) throw new NotFoundError(`No person with id ${personId}`);
  const rows = await recordsById(db, ids.map(Number));
  const records = [];
  for (const id of ids) {
    const row = rows.get(Number(id));
    if (row) records.push({ ...toRecordDto(row), attestedNames: await listAttestedNames(db, Number(id)) });
  }
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    id: personId,
    recordCount: records.length,
    sources: unique(records.map((r) => r.source)),
    names: {
      recorded: unique(records.map((r) => r.fullName)),
      hanzi: unique(records.flatMap((r) => r.attestedNames.flatMap((a) => (a.hanzi ? [a.hanzi] : [])))),
    },
    records,
  };
}

export interface PersonSummary {
  id: number;
  recordCount: number;
  sourceCount: number;
}

/** The person of each record that has one, with its size: for search results. */
export async function personSummaries(db: Kysely<DB>, recordIds: readonly string[]): Promise<Map<string, PersonSummary>> {
  const persons = await personIdsOf(db, recordIds);
  const sizes = await personSizes(db, [...new Set(persons.values())]);
  const out = new Map<string, PersonSummary>();
  for (const [recordId, personId] of persons) {
    const size = sizes.get(personId);
    if (size) out.set(recordId, { id: Number(personId), recordCount: size.records, sourceCount: size.sources });
  }
  return out;
}

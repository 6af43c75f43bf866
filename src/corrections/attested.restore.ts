import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendRecordEvent, replaceReadings } from '../records/record.writer.ts';
import { recordIdsByKey } from '../records/records.service.ts';
import { attestedNamesOfRecords, insertAttestedName } from './corrections.repository.ts';

/**
 * Attested names read back from an export (namebridge restore). A name is
 * added to the record with the same (source, external id) unless the record
 * already has one with the same characters, pinyin and evidence (so a restore
 * run twice adds nothing), keeping its approval time; it is recorded as
 * approved by the restore's actor (no correction of this database stands
 * behind it), the record's history gets an `attested_name.restored` event, and
 * its readings are derived again — all through the record writer.
 */
export interface RestoredAttestedName {
  hanzi: string | null;
  pinyin: string;
  evidence: string;
  approvedAt: string;
}

export interface AttestedNamesOfRecord {
  source: string;
  externalId: string;
  names: RestoredAttestedName[];
}

export interface AttestedRestoreOutcome {
  restored: number;
  unchanged: number;
  missingRecords: number;
}

const CHUNK = 500;

export async function restoreAttestedNames(db: Kysely<DB>, entries: readonly AttestedNamesOfRecord[], actor: string, jobId: number): Promise<AttestedRestoreOutcome> {
  const outcome: AttestedRestoreOutcome = { restored: 0, unchanged: 0, missingRecords: 0 };
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    await db.transaction().execute(async (trx) => {
      const found = await recordIdsByKey(trx, chunk);
      const idOf = new Map(found.map((r) => [`${r.source}\u0001${r.external_id}`, String(r.id)]));
      const existing = await attestedNamesOfRecords(trx, [...idOf.values()]);
      const have = new Set(existing.map((e) => nameKey(String(e.record_id), e)));
      const changed = new Set<string>();
      for (const entry of chunk) {
        const recordId = idOf.get(`${entry.source}\u0001${entry.externalId}`);
        if (recordId === undefined) {
          outcome.missingRecords++;
          continue;
        }
        for (const name of entry.names) {
          const key = nameKey(recordId, name);
          if (have.has(key)) {
            outcome.unchanged++;
            continue;
          }
          have.add(key);
          await insertAttestedName(trx, { recordId, hanzi: name.hanzi, pinyin: name.pinyin, evidence: name.evidence, correctionId: null, approvedAt: name.approvedAt, approvedBy: actor });
          await appendRecordEvent(trx, {
            recordId,
            kind: 'attested_name.restored',
            actor,
            data: { hanzi: name.hanzi, pinyin: name.pinyin, approvedAt: name.approvedAt, importJob: jobId },
          });
          changed.add(recordId);
          outcome.restored++;
        }
      }
      await replaceReadings(trx, [...changed]);
    });
  }
  return outcome;
}

const nameKey = (recordId: string, n: { hanzi: string | null; pinyin: string; evidence: string }) => JSON.stringify([recordId, n.hanzi, n.pinyin, n.evidence]);

import { ARCHIVES, LETTER_TEMPLATE, REQUEST_CONTENTS, REQUEST_SOURCE, type Archive, type StepsLang } from './next-steps.data.ts';

/** What the letter is filled from: the record as written (never a translation: the archive reads Russian). */
export interface LetterInput {
  fullName: string;
  birthYear?: number | null;
  birthDate?: string | null;
  birthplace?: string | null;
  nationality?: string | null;
  residence?: string | null;
  arrestDate?: string | null;
  executedOn?: string | null;
  burialPlace?: string | null;
  source: string;
  externalId: string;
}

const MOSCOW_SOURCE = /mos\.memo\.ru|Расстрелы в Москве/i;
const MOSCOW_SITES = /^(?:Бутово|Коммунарка|Донское|Ваганьковское|Яузская)/i;

/** Which archives likely hold the case: Moscow executions → the Moscow FSB archive and ГАРФ; elsewhere, the regional one. */
export function likelyArchives(record: Pick<LetterInput, 'source' | 'burialPlace'>): Archive[] {
  const moscow = MOSCOW_SOURCE.test(record.source) || MOSCOW_SITES.test(record.burialPlace ?? '');
  const ids = moscow ? ['fsb-moscow', 'garf'] : ['fsb-regional', 'garf'];
  return ids.map((id) => ARCHIVES.find((a) => a.id === id)!);
}

/** The request letter in Russian, filled from the record; a line whose fact the record lacks is left out. */
export function fillLetter(record: LetterInput, archive: Archive): string {
  const values: Record<string, string | null | undefined> = {
    archive: archive.ru.replace(/ \(архив\)$/, ''),
    archiveAddress: archive.address,
    fullName: record.fullName,
    birthYear: record.birthDate ?? (record.birthYear ? String(record.birthYear) : null),
    birthplace: record.birthplace,
    nationality: record.nationality,
    residence: record.residence,
    arrestDate: record.arrestDate,
    executedOn: record.executedOn,
    burialPlace: record.burialPlace,
    source: record.source,
    externalId: record.externalId,
  };
  const lines: string[] = [];
  for (const line of LETTER_TEMPLATE.lines) {
    const names = [...line.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.length > 0 && names.every((n) => !values[n])) continue;
    // A line with some facts missing keeps what it has: «, 1888 г. р.» never reads «, null г. р.».
    let filled = line.replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? '—');
    if (names.includes('birthYear') && !values.birthYear) filled = filled.replace(', — г. р.', '');
    lines.push(filled);
  }
  return lines.join('\n');
}

export function requestContents(lang: StepsLang): { items: readonly string[]; source: string } {
  return { items: REQUEST_CONTENTS[lang], source: REQUEST_SOURCE };
}

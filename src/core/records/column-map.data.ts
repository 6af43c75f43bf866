import type { RecordFieldName } from './record.fields.ts';

/**
 * What a CSV column can map to: a record field, the row's id in its source, or
 * the source itself. Anything else is kept in the record's `extra` data.
 */
export type ImportTarget = RecordFieldName | 'externalId' | 'source';

/**
 * Header names archives really use, English and Russian. Matching is
 * case-insensitive and ignores ё/е, dots, underscores, hyphens, slashes and extra spaces
 * (see normaliseHeader), so `Full_Name`, `ФИО`, `Ф.И.О.` all match. A header not
 * listed here goes to `extra` with a warning; `--map column=field` overrides.
 */
export const COLUMN_ALIASES: ReadonlyArray<{ target: ImportTarget; aliases: readonly string[] }> = [
  { target: 'fullName', aliases: ['full_name', 'fullname', 'name', 'ФИО', 'Фамилия Имя Отчество', 'Полное имя'] },
  { target: 'surname', aliases: ['surname', 'last_name', 'family_name', 'Фамилия'] },
  { target: 'givenName', aliases: ['given_name', 'first_name', 'Имя'] },
  { target: 'patronymic', aliases: ['patronymic', 'middle_name', 'Отчество'] },
  { target: 'birthYear', aliases: ['birth_year', 'year_of_birth', 'Год рождения', 'г.р.', 'Год рожд.'] },
  { target: 'birthDate', aliases: ['birth_date', 'date_of_birth', 'Дата рождения'] },
  { target: 'birthplace', aliases: ['birthplace', 'birth_place', 'place_of_birth', 'Место рождения'] },
  { target: 'nationality', aliases: ['nationality', 'ethnicity', 'Национальность'] },
  { target: 'occupation', aliases: ['occupation', 'profession', 'workplace', 'Профессия', 'Место работы', 'Профессия Место работы', 'Род занятий'] },
  { target: 'residence', aliases: ['residence', 'address', 'Адрес', 'Место проживания', 'Место жительства'] },
  { target: 'arrestDate', aliases: ['arrest_date', 'arrested_on', 'Дата ареста', 'Арестован'] },
  { target: 'charge', aliases: ['charge', 'charges', 'Обвинение', 'Статья'] },
  { target: 'sentence', aliases: ['sentence', 'Приговор'] },
  { target: 'sentenceDate', aliases: ['sentence_date', 'sentenced_on', 'Дата приговора', 'Дата осуждения'] },
  { target: 'executedOn', aliases: ['executed_on', 'execution_date', 'Дата расстрела', 'Расстрелян'] },
  { target: 'deathDate', aliases: ['death_date', 'date_of_death', 'died_on', 'Дата смерти'] },
  { target: 'burialPlace', aliases: ['burial_place', 'Место захоронения'] },
  { target: 'rehabilitationDate', aliases: ['rehabilitation_date', 'rehabilitated_on', 'Дата реабилитации', 'Реабилитирован'] },
  { target: 'biography', aliases: ['biography', 'bio', 'Биография', 'Справка'] },
  { target: 'externalId', aliases: ['external_id', 'externalid', 'id', 'record_id', 'Идентификатор'] },
  { target: 'source', aliases: ['source', 'Источник'] },
];

/**
 * The comparison form of a header: Unicode NFC, camelCase split, lower case,
 * ё→е, dots dropped (Ф.И.О. → фио), and every run of spaces, underscores,
 * hyphens and slashes as one space.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\./g, '')
    .replace(/[\s_\-/\\]+/g, ' ')
    .trim();
}

/** normalised alias → target; built once, and checked for clashes by the tests. */
export const ALIAS_INDEX: ReadonlyMap<string, ImportTarget> = new Map(
  COLUMN_ALIASES.flatMap(({ target, aliases }) => aliases.map((a) => [normaliseHeader(a), target] as const)),
);

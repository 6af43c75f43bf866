import { RECORD_FIELDS } from './record.fields.ts';
import { ALIAS_INDEX, normaliseHeader, type ImportTarget } from './column-map.data.ts';
import { ImportFileError } from './import.errors.ts';

/** How one column of the file is used: a target field, or kept in `extra` under its header. */
export interface ColumnPlan {
  index: number;
  /** The header exactly as written (BOM removed), or `(column N)` when empty. */
  header: string;
  target: ImportTarget | null;
  /** The file's own source column, displaced by --source: kept in extra and public, as the record's citation. */
  citation?: true;
}

export interface ColumnMapping {
  columns: ColumnPlan[];
  /** target → column index, for the mapped ones. */
  byTarget: Partial<Record<ImportTarget, number>>;
  warnings: string[];
}

export interface MappingOptions {
  /** `--map column=field`: header (as written, or normalised) → target, or `extra`. */
  overrides?: ReadonlyMap<string, ImportTarget | 'extra'>;
  /** With --source the source column does not name the source; it is kept in extra. */
  sourceGiven?: boolean;
}

const NAME_TARGETS: readonly ImportTarget[] = ['fullName', 'surname', 'givenName', 'patronymic'];

/** Every name `--map` accepts for a target: the API name, the column name, normalised. */
const TARGET_NAMES: ReadonlyMap<string, ImportTarget | 'extra'> = new Map<string, ImportTarget | 'extra'>([
  ...RECORD_FIELDS.flatMap((f) => [
    [normaliseHeader(f.name), f.name] as const,
    [normaliseHeader(f.column), f.name] as const,
  ]),
  [normaliseHeader('externalId'), 'externalId'],
  [normaliseHeader('source'), 'source'],
  ['extra', 'extra'],
]);

/** Parses `--map` arguments (`ФИО=fullName`, `Адрес=residence`, `Примечание=extra`). */
export function parseMapArguments(args: readonly string[]): Map<string, ImportTarget | 'extra'> {
  const out = new Map<string, ImportTarget | 'extra'>();
  for (const arg of args) {
    const at = arg.lastIndexOf('=');
    const column = at > 0 ? arg.slice(0, at).trim() : '';
    const field = at > 0 ? arg.slice(at + 1).trim() : '';
    const target = TARGET_NAMES.get(normaliseHeader(field)) ?? ALIAS_INDEX.get(normaliseHeader(field));
    if (!column || !target) {
      const known = [...new Set(TARGET_NAMES.values())].join(', ');
      throw new ImportFileError('bad_mapping', `--map "${arg}": expected column=field with field one of ${known}`);
    }
    out.set(normaliseHeader(column), target);
  }
  return out;
}

/**
 * Decides what each header means. Pure. Throws ImportFileError when there is
 * no name column (nothing can be imported) or a --map names a missing column.
 */
export function mapColumns(headers: readonly string[], options: MappingOptions = {}): ColumnMapping {
  const warnings: string[] = [];
  const byTarget: Partial<Record<ImportTarget, number>> = {};
  const overrides = options.overrides ?? new Map();
  const seenHeaders = new Set<string>();
  const written = new Set<string>();
  const columns = headers.map((raw, index): ColumnPlan => {
    let header = raw.replace(/^\uFEFF/, '').trim() || `(column ${index + 1})`;
    // Two columns with one header would clash as extra keys: the second is numbered.
    if (written.has(header)) header = `${header} (column ${index + 1})`;
    written.add(header);
    const key = normaliseHeader(header);
    seenHeaders.add(key);
    const override = overrides.get(key);
    let target: ImportTarget | null = override === 'extra' ? null : (override ?? ALIAS_INDEX.get(key) ?? null);
    if (target === 'source' && options.sourceGiven) {
      warnings.push(`column "${header}" is not used as the source because a source was given; its values are kept in each record's extra data`);
      return { index, header, target: null, citation: true };
    } else if (target && byTarget[target] !== undefined) {
      const first = headers[byTarget[target]!]?.trim();
      warnings.push(`column "${header}" maps to ${target} like column "${first}" before it; the first is used and "${header}" is kept in extra data`);
      target = null;
    } else if (target) {
      byTarget[target] = index;
    } else if (override !== 'extra') {
      warnings.push(`column "${header}" is not a record field; its values are kept in each record's extra data`);
    }
    return { index, header, target };
  });

  for (const column of overrides.keys()) {
    if (!seenHeaders.has(column)) {
      throw new ImportFileError('bad_mapping', `--map names the column "${column}", which the header does not have (${headers.join(', ')})`);
    }
  }
  if (!NAME_TARGETS.some((t) => byTarget[t] !== undefined)) {
    throw new ImportFileError(
      'no_name_column',
      `No name column: the header (${headers.map((h) => h.trim()).join(', ')}) has none of full_name/ФИО, Фамилия, Имя, Отчество ` +
        `(or map one with --map COLUMN=fullName). Nothing was imported.`,
    );
  }
  return { columns, byTarget, warnings };
}

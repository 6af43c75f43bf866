// Loads the gazetteer table (places.data.json) and flattens every name of every
// entry into one list. Pure: the JSON is bundled by the import, no file I/O.
import places from './places.data.json' with { type: 'json' };

export type Certainty = 'certain' | 'probable';

export interface NameSpec {
  name: string;
  certainty?: 'probable';
  note?: string;
  /** The name belongs more often to another entry (e.g. Кантон: city before province). */
  secondary?: boolean;
  /** Only tag in running text when the text also names China or a certain place. */
  weak?: boolean;
}
export type NameField = string | NameSpec;

export interface HistoricalName {
  hanzi?: NameField[];
  pinyin?: NameField;
  wadeGiles?: NameField[];
  cyrillic?: NameField[];
  note?: string;
}

export interface PlaceEntry {
  id: string;
  kind: 'province' | 'city' | 'prefecture' | 'county' | 'region';
  parent?: string;
  certainty?: 'probable';
  note?: string;
  /** The bare pinyin is shared with another entry that should rank first (Shanxi/Shaanxi, Jilin). */
  pinyinSecondary?: boolean;
  hanzi: NameField[];
  pinyin: string;
  wadeGiles?: NameField[];
  cyrillic?: NameField[];
  historical?: HistoricalName[];
}

export type NameOrigin = 'hanzi' | 'pinyin' | 'wadeGiles' | 'cyrillic';

/** One name of one place, flattened. */
export interface FlatName {
  placeId: string;
  name: string;
  origin: NameOrigin;
  historical: boolean;
  certainty: Certainty;
  secondary: boolean;
  weak: boolean;
  note?: string;
}

const KINDS = new Set(['province', 'city', 'prefecture', 'county', 'region']);

function spec(f: NameField): NameSpec {
  return typeof f === 'string' ? { name: f } : f;
}

function assertEntry(e: unknown, i: number): asserts e is PlaceEntry {
  const o = e as Record<string, unknown>;
  const ok =
    typeof o === 'object' && o !== null &&
    typeof o['id'] === 'string' && /^[a-z][a-z-]*$/.test(o['id']) &&
    typeof o['kind'] === 'string' && KINDS.has(o['kind']) &&
    (o['parent'] === undefined || typeof o['parent'] === 'string') &&
    Array.isArray(o['hanzi']) && typeof o['pinyin'] === 'string';
  if (!ok) throw new Error(`places.data.json: malformed entry #${i}: ${JSON.stringify(e).slice(0, 120)}`);
}

function loadEntries(): PlaceEntry[] {
  const raw = (places as unknown as { places: unknown[] }).places;
  raw.forEach(assertEntry);
  return raw as PlaceEntry[];
}

export const ENTRIES: readonly PlaceEntry[] = loadEntries();

function flattenFields(
  out: FlatName[], entry: PlaceEntry, historical: boolean,
  fields: Partial<Record<NameOrigin, NameField[] | NameField | undefined>>,
): void {
  for (const origin of ['hanzi', 'pinyin', 'wadeGiles', 'cyrillic'] as const) {
    const v = fields[origin];
    if (v === undefined) continue;
    for (const f of Array.isArray(v) ? v : [v]) {
      const s = spec(f);
      const certainty: Certainty = s.certainty ?? 'certain';
      out.push({
        placeId: entry.id, name: s.name, origin, historical, certainty,
        secondary: s.secondary === true,
        weak: s.weak === true || certainty === 'probable',
        ...(s.note !== undefined ? { note: s.note } : {}),
      });
    }
  }
}

export function flattenNames(entries: readonly PlaceEntry[]): FlatName[] {
  const out: FlatName[] = [];
  for (const e of entries) {
    const pinyin: NameField = e.pinyinSecondary === true ? { name: e.pinyin, secondary: true } : e.pinyin;
    flattenFields(out, e, false, { hanzi: e.hanzi, pinyin, wadeGiles: e.wadeGiles, cyrillic: e.cyrillic });
    for (const h of e.historical ?? []) {
      flattenFields(out, e, true, { hanzi: h.hanzi, pinyin: h.pinyin, wadeGiles: h.wadeGiles, cyrillic: h.cyrillic });
    }
  }
  return out;
}

export const NAMES: readonly FlatName[] = flattenNames(ENTRIES);

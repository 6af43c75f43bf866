import { placeIdsInText } from '../core/match/index.ts';
import { searchFieldsFor, type ReadingKeys, type SearchFields } from '../core/match/index.ts';

/**
 * searchFieldsFor() for a whole batch, remembering what it decoded: names and
 * birthplaces repeat in an archive's list, and decoding a name is the import's
 * main CPU cost. The name part (readings, Latin skeleton) is keyed by full name
 * and the places by birthplace; together they equal searchFieldsFor(fullName,
 * birthplace). Records with attested names are computed afresh every time.
 */
export interface SearchInput {
  fullName: string;
  birthplace: string | null;
  attested: string[];
}

export class SearchFieldsCache {
  private names = new Map<string, { nameLatin: string; readings: ReadingKeys[] }>();
  private places = new Map<string, string[]>();

  constructor(private readonly maxEntries = 10_000) {}

  compute(input: SearchInput): SearchFields {
    if (input.attested.length > 0) {
      return searchFieldsFor(input.fullName, input.birthplace, input.attested.map((pinyin) => ({ pinyin })));
    }
    let name = this.names.get(input.fullName);
    if (!name) {
      const fields = searchFieldsFor(input.fullName, null);
      name = { nameLatin: fields.nameLatin, readings: fields.readings };
      remember(this.names, input.fullName, name, this.maxEntries);
    }
    let places: string[] = [];
    if (input.birthplace) {
      const known = this.places.get(input.birthplace);
      if (known) places = known;
      else remember(this.places, input.birthplace, (places = placeIdsInText(input.birthplace)), this.maxEntries);
    }
    return { nameLatin: name.nameLatin, birthplacePlaces: places, readings: name.readings };
  }
}

/** A bounded map: when full, the oldest half is forgotten (memory stays flat on huge files). */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) {
    let drop = map.size >> 1;
    for (const k of map.keys()) {
      map.delete(k);
      if (--drop <= 0) break;
    }
  }
  map.set(key, value);
}

/**
 * The link model: how likely two records are one person, with every piece of
 * evidence as a reason a person can check ("same reading wang xi xiang ·
 * born 1888 both · Shandong both · executed 10.09.1938 vs none"). Pure: no I/O.
 * Weights: link-weights.data.ts; the model is described in docs/linking.md.
 */
import { distance } from 'fastest-levenshtein';
import { getPlace } from '../core/match/index.ts';
import { similarity, similarityScore } from '../core/transliteration/index.ts';
import { WEIGHTS as W } from './link-weights.data.ts';
import { leafPlaces, type LinkDates, type LinkSubject } from './link.subject.ts';

export interface LinkReason {
  /** Stable: the web interface words reasons by code. */
  code: string;
  points: number;
  /** English, for the API and the log. */
  text: string;
  params: Record<string, string | number>;
}

export interface LinkScore {
  score: number;
  points: number;
  reasons: LinkReason[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const reason = (code: string, points: number, text: string, params: Record<string, string | number> = {}): LinkReason => ({ code, points: round(points, 2), text, params });

/**
 * Similarities of reading pairs already computed: namesakes share readings,
 * and comparing every reading of one record with every reading of the other
 * is most of the cost of a pair. Bounded: emptied when full.
 */
export class SimilarityCache {
  private readonly map = new Map<string, number>();
  // Small: the transliteration's own memos (names 100,000, syllable pairs 250,000) share the CLI's 128 MB heap.
  constructor(private readonly max = 20_000) {}

  score(a: string, b: string): number {
    const key = `${a}|${b}`;
    let hit = this.map.get(key);
    if (hit === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      hit = similarityScore(a.split(' '), b.split(' ')).score;
      this.map.set(key, hit);
    }
    return hit;
  }
}

export function scorePair(a: LinkSubject, b: LinkSubject, similarities: SimilarityCache = new SimilarityCache()): LinkScore {
  const reasons: LinkReason[] = [
    nameEvidence(a, b, similarities),
    yearEvidence(a.birthYear, b.birthYear),
    placeEvidence(a, b),
    ...dateEvidence(a.dates, b.dates),
    ...russianEvidence(a, b),
  ];
  if (a.source === b.source) reasons.push(reason('source.same', W.sameSource, `both from ${a.source}`, { source: a.source }));
  const points = W.prior + reasons.reduce((sum, r) => sum + r.points, 0);
  const score = round(1 / (1 + Math.exp(-points)), 4);
  return { score, points: round(points, 2), reasons: reasons.filter((r) => r.code !== 'none') };
}

/**
 * Name similarity in points: the better of the Chinese readings (the best
 * pair, attested first, less how much less likely each reading is than its
 * record's best) and the Latin skeleton of surname and given name (Russian
 * names, and Chinese names the decoder read poorly).
 */
function nameEvidence(a: LinkSubject, b: LinkSubject, similarities: SimilarityCache): LinkReason {
  const byReading = readingEvidence(a, b, similarities);
  const byLatin = latinEvidence(a, b);
  if (!byReading) return byLatin ?? reason('name.unknown', W.nameFloor, 'no comparable name');
  return byLatin && byLatin.points > byReading.points ? byLatin : byReading;
}

function readingEvidence(a: LinkSubject, b: LinkSubject, similarities: SimilarityCache): LinkReason | undefined {
  if (a.readings.length === 0 || b.readings.length === 0) return undefined;
  const baseA = Math.min(...a.readings.map((r) => r.cost));
  const baseB = Math.min(...b.readings.map((r) => r.cost));
  let best = { sim: -1, points: -Infinity, ra: a.readings[0]!, rb: b.readings[0]! };
  for (const ra of a.readings) {
    for (const rb of b.readings) {
      const sim = similarities.score(ra.key, rb.key);
      const points = namePoints(sim) - W.readingCost * (ra.cost - baseA + rb.cost - baseB);
      if (points > best.points + 1e-9) best = { sim, points, ra, rb };
    }
  }
  if (best.ra.key === best.rb.key) return reason('name.same', best.points, `same reading ${best.ra.key}`, { reading: best.ra.key });
  const { alignment } = similarity(best.ra.key.split(' '), best.rb.key.split(' '));
  const syllables = alignment.filter((s) => s.cost > 0).map((s) => `${s.a ?? '–'}/${s.b ?? '–'}`).join(', ');
  const params = { a: best.ra.key, b: best.rb.key, similarity: round(best.sim, 2), syllables };
  return reason('name.similar', best.points, `readings ${best.ra.key} ~ ${best.rb.key} (${params.similarity}; ${syllables})`, params);
}

function latinEvidence(a: LinkSubject, b: LinkSubject): LinkReason | undefined {
  const ha = a.nameHead.trim();
  const hb = b.nameHead.trim();
  if (!ha.includes(' ') || !hb.includes(' ')) return undefined;
  if (ha === hb) return reason('name.same', namePoints(1), `same name ${ha}`, { reading: ha });
  const sim = 1 - distance(ha, hb) / Math.max(ha.length, hb.length);
  return reason('name.similar', namePoints(sim), `names ${ha} ~ ${hb} (${round(sim, 2)})`, { a: ha, b: hb, similarity: round(sim, 2), syllables: '' });
}

function namePoints(sim: number): number {
  return Math.max(W.nameFloor, W.nameSame - W.namePerTenth * 10 * (1 - sim));
}

function yearEvidence(ya: number | null, yb: number | null): LinkReason {
  if (ya === null && yb === null) return reason('year.missing', W.yearMissing, 'birth year recorded by neither');
  if (ya === null || yb === null) {
    const y = ya ?? yb!;
    return reason('year.missing', W.yearMissing, `born ${y} vs none`, { a: ya ?? '', b: yb ?? '' });
  }
  const d = Math.abs(ya - yb);
  if (d === 0) return reason('year.same', W.yearSame, `born ${ya} both`, { year: ya });
  const points = d === 1 ? W.yearNear : d === 2 ? W.yearApart : W.yearFar;
  return reason(d === 1 ? 'year.near' : 'year.different', points, `born ${ya} vs ${yb}`, { a: ya, b: yb });
}

function placeName(id: string): string {
  const pinyin = getPlace(id)?.pinyin ?? id;
  return pinyin.normalize('NFD').replace(/\p{M}/gu, '');
}

function placeEvidence(a: LinkSubject, b: LinkSubject): LinkReason {
  if (a.places.length > 0 && b.places.length > 0) {
    const leavesB = leafPlaces(b.places);
    const same = leafPlaces(a.places).find((p) => leavesB.includes(p));
    if (same) return reason('place.same', W.placeSame, `${placeName(same)} both`, { place: placeName(same) });
    const shared = a.places.find((p) => b.places.includes(p));
    if (shared) return reason('place.province', W.placeProvince, `both in ${placeName(shared)}`, { place: placeName(shared) });
    const pa = placeName(leafPlaces(a.places)[0]!);
    const pb = placeName(leavesB[0]!);
    return reason('place.different', W.placeDifferent, `born in ${pa} vs ${pb}`, { a: pa, b: pb });
  }
  const wa = words(a.birthplace);
  const wb = words(b.birthplace);
  if (wa.size === 0 || wb.size === 0 || a.places.length + b.places.length > 0) return reason('none', 0, '');
  const common = [...wa].filter((w) => wb.has(w)).length;
  if (common === 0) return reason('place.different', W.placeTextDifferent, `born in ${a.birthplace} vs ${b.birthplace}`, { a: a.birthplace!, b: b.birthplace! });
  if (common * 2 >= Math.min(wa.size, wb.size)) return reason('place.same', W.placeTextSame, `${a.birthplace} both`, { place: a.birthplace! });
  return reason('none', 0, '');
}

/** Words of three letters or more, folded: what two wordings of one birthplace share. */
const words = (s: string | null) =>
  new Set((s ?? '').toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));

const DATE_LABEL = { arrested: 'arrested', sentenced: 'sentenced', died: 'died' } as const;

/** Dates both records give must agree at the precision of the less precise one; a date one gives is shown, not counted. */
function dateEvidence(a: LinkDates, b: LinkDates): LinkReason[] {
  const out: LinkReason[] = [];
  let agreed = 0;
  for (const kind of ['arrested', 'sentenced', 'died'] as const) {
    const da = a[kind];
    const db = b[kind];
    if (!da && !db) continue;
    const label: string = kind === 'died' ? (a.died ?? b.died)!.kind : DATE_LABEL[kind];
    if (da && db) {
      const n = Math.min(da.norm.length, db.norm.length);
      if (da.norm.slice(0, n) === db.norm.slice(0, n)) {
        const points = agreed < W.dateAgreeMax ? W.dateAgree : 0;
        agreed += points;
        out.push(reason('date.agree', points, `${label} ${da.text} both`, { kind: label, date: da.text }));
      } else {
        out.push(reason('date.contradicts', W.dateContradicts, `${label} ${da.text} vs ${db.text}`, { kind: label, a: da.text, b: db.text }));
      }
    } else if (da || db) {
      out.push(reason('date.one-sided', 0, `${label} ${da ? da.text : 'none'} vs ${db ? db.text : 'none'}`, { kind: label, a: da?.text ?? '', b: db?.text ?? '' }));
    }
  }
  return out;
}

function russianEvidence(a: LinkSubject, b: LinkSubject): LinkReason[] {
  const out: LinkReason[] = [];
  const close = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= 5 && distance(x, y) <= 1);
  if (a.patronymic && b.patronymic) {
    out.push(
      close(a.patronymic, b.patronymic)
        ? reason('patronymic.same', W.patronymicSame, `patronymic ${a.patronymic} both`, { value: a.patronymic })
        : reason('patronymic.different', W.patronymicDifferent, `patronymic ${a.patronymic} vs ${b.patronymic}`, { a: a.patronymic, b: b.patronymic }),
    );
  }
  if (a.givenRussian && b.givenRussian) {
    out.push(
      close(a.givenRussian, b.givenRussian)
        ? reason('given.same', W.givenSame, `Russian name ${a.givenRussian} both`, { value: a.givenRussian })
        : reason('given.different', W.givenDifferent, `Russian name ${a.givenRussian} vs ${b.givenRussian}`, { a: a.givenRussian, b: b.givenRussian }),
    );
  }
  return out;
}

/** The reasons as one line: "same reading wang xi xiang · born 1888 both · …". */
export function reasonsLine(reasons: readonly LinkReason[]): string {
  return reasons.map((r) => r.text).join(' · ');
}

import { SYLLABLES_TSV } from './tables/syllables.data.ts';

/** One row of the syllable inventory. */
export interface SyllableRow {
  id: number;
  pinyin: string;
  palladius: string;
  wadeGiles: string;
  /** Pinyin initial: "", "b", "zh", … ("y"/"w" are spelling, not initials: yi → "" + "i"). */
  initial: string;
  /** Canonical final with y/w spelling undone: yi → "i", wu → "u", you → "iu", yu → "ü". */
  final: string;
}

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's'];

/** Zero-initial spellings: pinyin writes the final with y-/w- in front. */
const Y_W_FINALS: Record<string, string> = {
  yi: 'i', ya: 'ia', yan: 'ian', yang: 'iang', yao: 'iao', ye: 'ie', yin: 'in', ying: 'ing',
  yong: 'iong', you: 'iu', yu: 'ü', yuan: 'üan', yue: 'üe', yun: 'ün',
  wu: 'u', wa: 'ua', wai: 'uai', wan: 'uan', wang: 'uang', wei: 'ui', wen: 'un', weng: 'ueng', wo: 'uo',
};

/** Split a pinyin syllable into initial and canonical final (j/q/x + u is ü). */
export function splitPinyin(pinyin: string): { initial: string; final: string } {
  const yw = Y_W_FINALS[pinyin];
  if (yw !== undefined) return { initial: '', final: yw };
  const initial = INITIALS.find((i) => pinyin.startsWith(i)) ?? '';
  let final = pinyin.slice(initial.length);
  if ((initial === 'j' || initial === 'q' || initial === 'x') && final.startsWith('u')) final = 'ü' + final.slice(1);
  return { initial, final };
}

function parseRows(): SyllableRow[] {
  const rows: SyllableRow[] = [];
  for (const line of SYLLABLES_TSV.split('\n')) {
    const parts = line.trim().split(' ');
    if (parts.length !== 3) continue;
    const [pinyin, palladius, wadeGiles] = parts as [string, string, string];
    rows.push({ id: rows.length, pinyin, palladius, wadeGiles, ...splitPinyin(pinyin) });
  }
  return rows;
}

export const SYLLABLES: readonly SyllableRow[] = parseRows();

const byPinyin = new Map<string, SyllableRow>(SYLLABLES.map((r) => [r.pinyin, r]));

/** Look a syllable up by pinyin; accepts "v" or "u:" for ü. */
export function syllableByPinyin(pinyin: string): SyllableRow | undefined {
  const p = pinyin.toLowerCase();
  return byPinyin.get(p) ?? byPinyin.get(p.replace(/v|u:/g, 'ü'));
}

/** Same as syllableByPinyin but for callers that already validated their input. */
export function rowOf(id: number): SyllableRow {
  const row = SYLLABLES[id];
  if (!row) throw new RangeError(`no syllable #${id}`);
  return row;
}

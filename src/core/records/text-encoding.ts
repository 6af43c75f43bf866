import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ImportFileError } from './import.errors.ts';

/**
 * Which encoding a file is in, decided from its first bytes. Pure. UTF-8 (with
 * or without BOM) is the default; Windows-1251 is accepted only when the bytes
 * are not UTF-8 and their cp1251 reading is plausible Russian text. Anything
 * else is refused: a record must never be stored as mojibake.
 */
export type TextEncoding = 'utf8' | 'cp1251';

export interface EncodingDecision {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  detected: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function detectEncoding(head: Buffer, forced?: TextEncoding): EncodingDecision {
  const bom = UTF8_BOM.every((b, i) => head[i] === b) ? 3 : 0;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportFileError('encoding', 'The file is UTF-16 text; save it as UTF-8 (or Windows-1251) CSV and import it again.');
  }
  const nul = head.indexOf(0);
  if (nul !== -1) {
    throw new ImportFileError('binary', `The file is not text: it contains a NUL byte at byte ${nul + 1}. Is it a spreadsheet (.xlsx/.xls) or an archive? Export it as CSV.`);
  }
  if (forced) return { encoding: forced, bomLength: forced === 'utf8' ? bom : 0, detected: false };
  if (bom || isUtf8(completeUtf8Prefix(head))) return { encoding: 'utf8', bomLength: bom, detected: true };
  const text = iconv.decode(head, 'win1251');
  const verdict = looksLikeCyrillic(text);
  if (verdict.ok) return { encoding: 'cp1251', bomLength: 0, detected: true };
  const at = firstInvalidUtf8(head);
  throw new ImportFileError(
    'encoding',
    `The file is not valid UTF-8 (byte 0x${head[at]?.toString(16).padStart(2, '0')} at byte ${at + 1}) and does not read as ` +
      `Windows-1251 Russian text either (${verdict.why}). Save it as UTF-8, or give --encoding utf8|cp1251 if you know which it is.`,
  );
}

/** The head without a multi-byte character cut off by the chunk boundary. */
export function completeUtf8Prefix(buf: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.subarray(0, buf.length - back) : buf;
  }
  return buf;
}

/** Byte offset of the first byte that cannot start or continue a UTF-8 sequence. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return buf.length; // cut by the chunk boundary: not an error
      if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return buf.length;
}

/**
 * Plausibility of a cp1251 reading: most non-ASCII characters are Cyrillic
 * letters, and Cyrillic letters do not sit inside Latin words (Latin-1 "café"
 * read as cp1251 gives "cafй").
 */
export function looksLikeCyrillic(text: string): { ok: true } | { ok: false; why: string } {
  let nonAscii = 0;
  let cyrillic = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) cyrillic++;
  }
  if (cyrillic < 3 || cyrillic / nonAscii < 0.9) {
    return { ok: false, why: `only ${cyrillic} of ${nonAscii} non-ASCII characters would be Cyrillic letters` };
  }
  const words = text.match(/[A-Za-z\u0400-\u04FF]+/g) ?? [];
  const withCyrillic = words.filter((w) => /[\u0400-\u04FF]/.test(w));
  const mixed = withCyrillic.filter((w) => /[A-Za-z]/.test(w)).length;
  if (mixed > 0 && mixed / withCyrillic.length > 0.1) {
    return { ok: false, why: `${mixed} of ${withCyrillic.length} words would mix Latin and Cyrillic letters` };
  }
  return { ok: true };
}

/** The delimiter of the header line: whichever of , ; TAB occurs most outside quotes (comma on a tie or none). */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as Array<[',' | ';' | '\t', number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > counts[','] ? best[0] : ',';
}

import type { Script } from './types.ts';
import { isCyrillicLetter, isLatinLetter } from './units.ts';

/** Characters examined at most: enough to classify a name, bounded for any input. */
const MAX_SCAN = 512;

function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Which scripts the letters of a text belong to; 'mixed' when more than one. */
export function detectScript(text: string): Script {
  let cyr = false;
  let lat = false;
  let han = false;
  const n = Math.min(text.length, MAX_SCAN);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCyrillicLetter(c)) cyr = true;
    else if (isLatinLetter(c)) lat = true;
    else if (isHan(c)) han = true;
  }
  const count = Number(cyr) + Number(lat) + Number(han);
  if (count === 0) return 'empty';
  if (count > 1) return 'mixed';
  return cyr ? 'cyrillic' : lat ? 'latin' : 'han';
}

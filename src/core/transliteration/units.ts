/**
 * Turning raw text into lattice units: normalised letters with source offsets and the
 * boundary strength before each letter. One builder per script; all of them stop
 * after MAX_LETTERS letters so that any input (10 kB of garbage included) costs a
 * bounded amount of work.
 */
import { BOUNDARY, type Units } from './lattice.ts';

export const MAX_LETTERS = 64;

export type Range = readonly [number, number];

const HYPHENS = '-‐‑‒–—';
const APOSTROPHES = "'’‘`ʻʼ′";
/** Tone marks (grave, acute, macron, caron) removed from Latin letters; ü/ê/ŭ marks kept. */
const TONE_MARKS = /[\u0300\u0301\u0304\u030C]/g;

function separatorStrength(ch: string): number {
  if (HYPHENS.includes(ch)) return BOUNDARY.hyphen;
  if (ch >= '0' && ch <= '9') return BOUNDARY.hard;
  return BOUNDARY.space;
}

export function isCyrillicLetter(c: number): boolean {
  return (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

class UnitsBuilder {
  readonly units: Units = { codes: [], bnd: [], src: [], srcEnd: [] };
  private pending: number = BOUNDARY.none;
  private lastLower = false;

  get full(): boolean {
    return this.units.codes.length >= MAX_LETTERS;
  }

  boundary(strength: number): void {
    if (strength > this.pending) this.pending = strength;
    this.lastLower = false;
  }

  letter(text: string, start: number, end: number, upper: boolean): void {
    if (this.full) return;
    let b = this.pending;
    if (upper && this.lastLower && b < BOUNDARY.caseChange) b = BOUNDARY.caseChange;
    for (let t = 0; t < text.length; t++) {
      this.units.codes.push(text.charCodeAt(t));
      this.units.bnd.push(t === 0 ? b : BOUNDARY.none);
      this.units.src.push(start);
      this.units.srcEnd.push(end);
    }
    this.pending = BOUNDARY.none;
    this.lastLower = !upper;
  }

  done(): Units {
    this.units.bnd.push(BOUNDARY.none);
    return this.units;
  }
}

/** Cyrillic letters of the given ranges; ъ is a hard boundary (Чанъань), ё is е. */
export function cyrillicUnits(input: string, ranges: readonly Range[]): Units {
  const b = new UnitsBuilder();
  for (const [start, end] of ranges) {
    b.boundary(BOUNDARY.space);
    for (let i = start; i < end && !b.full; i++) {
      const c = input.charCodeAt(i);
      const ch = input[i]!;
      if (!isCyrillicLetter(c)) {
        b.boundary(separatorStrength(ch));
        continue;
      }
      const lower = ch.toLowerCase();
      if (lower === 'ъ') b.boundary(BOUNDARY.hard);
      else b.letter(lower === 'ё' ? 'е' : lower, i, i + 1, isUpper(ch));
    }
  }
  return b.done();
}

/** Lower-case Latin letter without tone marks, keeping ü, ê and ŭ; '' if not a letter. */
export function latinLetter(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower >= 'a' && lower <= 'z') return lower;
  const stripped = lower.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  return stripped.length === 1 && isLatinLetter(stripped.charCodeAt(0)) ? stripped : '';
}

/**
 * Latin letters of the input. `apostrophe`: what an apostrophe is in this channel — a
 * hard syllable boundary (pinyin xi'an), a letter (Wade–Giles ch'ang).
 */
export function latinUnits(input: string, apostrophe: 'boundary' | 'letter'): Units {
  const b = new UnitsBuilder();
  for (let i = 0; i < input.length && !b.full; i++) {
    const ch = input[i]!;
    if (APOSTROPHES.includes(ch)) {
      if (apostrophe === 'letter') b.letter("'", i, i + 1, false);
      else b.boundary(BOUNDARY.hard);
      continue;
    }
    const letter = isLatinLetter(ch.charCodeAt(0)) ? latinLetter(ch) : '';
    if (letter === '') {
      // "u:" is a way to type ü: fold the colon into the preceding u.
      if (ch === ':' && b.units.codes.at(-1) === 0x75) {
        b.units.codes[b.units.codes.length - 1] = 0xfc;
        continue;
      }
      b.boundary(separatorStrength(ch));
      continue;
    }
    b.letter(letter, i, i + 1, isUpper(ch));
  }
  return b.done();
}

/**
 * Re-spell units letter by letter through a mapping (Latin → Cyrillic, Cyrillic →
 * Latin). `map` gets the lower-case letter and its neighbours and returns the output
 * letters plus how many input letters it consumed; source offsets are carried along.
 */
export function respell(units: Units, map: (codes: number[], i: number, segEnd: number) => [string, number]): Units {
  const out: Units = { codes: [], bnd: [], src: [], srcEnd: [] };
  const n = units.codes.length;
  let carry: number = BOUNDARY.none;
  let segEnd = 0;
  for (let i = 0; i < n; ) {
    if (i >= segEnd) {
      segEnd = i + 1;
      while (segEnd < n && units.bnd[segEnd] === BOUNDARY.none) segEnd++;
    }
    const [text, used] = map(units.codes, i, segEnd);
    let b = units.bnd[i]!;
    for (let t = 1; t < used; t++) b = Math.max(b, units.bnd[i + t]!);
    b = Math.max(b, carry);
    carry = BOUNDARY.none;
    if (text === '') carry = b;
    for (let t = 0; t < text.length; t++) {
      out.codes.push(text.charCodeAt(t));
      out.bnd.push(t === 0 ? b : BOUNDARY.none);
      out.src.push(units.src[i]!);
      out.srcEnd.push(units.srcEnd[i + used - 1]!);
    }
    i += Math.max(1, used);
  }
  out.bnd.push(BOUNDARY.none);
  return out;
}

/**
 * The (source, external id) pairs seen so far in one file, with the line each
 * was first seen on, in flat typed arrays of 12 bytes a slot, filled up to 80%
 * before they double (linear probing stays short at that load): 48 MB for
 * Memorial's 3,100,000 rows, where a half-full table took 96 MB, and 144 MB
 * while it doubled, past the CLI's 300 MB budget. Keys are stored as 64-bit hashes (two
 * independent 32-bit FNV-1a variants): a false "repeated id" needs a 64-bit
 * collision, about 1 in 10^7 for a 10-million-row file. Pure.
 */
export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private lines: Int32Array;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.lines = new Int32Array(capacity); // 0 = empty slot (lines start at 1)
  }

  get size(): number {
    return this.count;
  }

  /** Slots allocated (the typed arrays' length). */
  get capacity(): number {
    return this.lines.length;
  }

  /** The line the key was first seen on, or undefined (and it is remembered with this line). */
  firstLine(key: string, line: number): number | undefined {
    if (this.count * 5 >= this.lines.length * 4) this.grow();
    const [h, l] = hash64(key);
    const found = this.find(h, l);
    if (this.lines[found] !== 0) return this.lines[found];
    this.hi[found] = h;
    this.lo[found] = l;
    this.lines[found] = Math.max(1, line);
    this.count++;
    return undefined;
  }

  private find(h: number, l: number): number {
    const mask = this.lines.length - 1;
    let i = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
    while (this.lines[i] !== 0 && (this.hi[i] !== h || this.lo[i] !== l)) i = (i + 1) & mask;
    return i;
  }

  /**
   * Makes room for `keys` keys at once. Growing by doubling holds the old and
   * the new arrays together (72 MB at 3,100,000 rows); growing once, early,
   * while the table is still small, does not.
   */
  reserve(keys: number): void {
    let capacity = this.lines.length;
    while (keys * 5 >= capacity * 4) capacity *= 2;
    if (capacity > this.lines.length) this.grow(capacity);
  }

  private grow(capacity = this.lines.length * 2): void {
    const { hi, lo, lines } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.lines = new Int32Array(capacity);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const at = this.find(hi[i]!, lo[i]!);
      this.hi[at] = hi[i]!;
      this.lo[at] = lo[i]!;
      this.lines[at] = lines[i]!;
    }
  }
}

function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, Math.imul(b ^ (b >>> 13), 0x5bd1e995) >>> 0];
}

// Buckets, tables and the regression gate of `npm run eval` (eval/run-eval.ts).
import { recordKey, type DevsetRow } from './devset.shared.ts';
import { groupOf, partOf, type Part } from './split.ts';

export interface Tally { at1: number; at10: number; n: number }
export type Tallies = Map<string, Tally>;

/** The record string itself (case, ё, hyphens and spaces aside): finds it by spelling alone. */
export const isTrivial = (row: DevsetRow): boolean => recordKey(row.query) === recordKey(row.record);
/** A conventional name no rule derives (devset note `alias:`): reported apart. */
export const isAlias = (row: DevsetRow): boolean => row.note.startsWith('alias:');

/**
 * The bucket keys a row counts in. The headline rows (`group …`, `kind …`)
 * hold neither trivial nor alias queries; those have rows of their own.
 */
export function bucketsOf(row: DevsetRow): string[] {
  const part: Part = partOf(row.id);
  if (isAlias(row)) return [`apart alias ${part}`];
  if (isTrivial(row)) return [`apart trivial ${part}`];
  return [`group ${groupOf(row.id)} ${part}`, `kind ${row.kind} ${part}`, `all ${part}`];
}

export function count(tallies: Tallies, key: string, at1: boolean, at10: boolean): void {
  const t = tallies.get(key) ?? { at1: 0, at10: 0, n: 0 };
  t.n++;
  if (at1) t.at1++;
  if (at10) t.at10++;
  tallies.set(key, t);
}

const ratio = (x: number, n: number) => (n === 0 ? '—' : (x / n).toFixed(3));

/** One table: a row per bucket whose key starts with one of `prefixes`, tuning and checking side by side. */
export function table(title: string, prefixes: string[], systems: Array<[string, Tallies]>): string {
  const rows = new Set<string>();
  for (const [, t] of systems) {
    for (const k of t.keys()) {
      const row = k.replace(/ (tuning|checking)$/, '');
      if (prefixes.some((p) => row === p || row.startsWith(`${p} `))) rows.add(row);
    }
  }
  const head = systems.flatMap(([s]) => ['tuning', 'checking'].map((p) => `${s} ${p}: R@1 / R@10 (n)`));
  const lines = [`| ${title} | ${head.join(' | ')} |`, `| --- | ${head.map(() => '--:').join(' | ')} |`];
  for (const row of [...rows].sort()) {
    const cells = systems.flatMap(([, t]) => ['tuning', 'checking'].map((p) => {
      const x = t.get(`${row} ${p}`);
      return x ? `${ratio(x.at1, x.n)} / ${ratio(x.at10, x.n)} (${x.n})` : '—';
    }));
    lines.push(`| ${row.replace(/^(group|kind|apart) /, '')} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** What the gate compares: every bucket's R@1 and R@10, rounded as printed. */
export function figures(tallies: Tallies): Record<string, { r1: number; r10: number; n: number }> {
  const out: Record<string, { r1: number; r10: number; n: number }> = {};
  for (const [k, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    out[k] = { r1: Number((t.at1 / t.n).toFixed(3)), r10: Number((t.at10 / t.n).toFixed(3)), n: t.n };
  }
  return out;
}

export const GATE_TOLERANCE = 0.01;

/**
 * The regression gate: every bucket of the baseline (group, kind, all, apart)
 * whose R@1 or R@10 now falls more than GATE_TOLERANCE below it, or that is
 * gone. Improvements pass (and belong in the baseline, updated in the same commit).
 */
export function regressions(baseline: ReturnType<typeof figures>, current: ReturnType<typeof figures>): string[] {
  const out: string[] = [];
  for (const [key, b] of Object.entries(baseline)) {
    const c = current[key];
    if (!c) {
      out.push(`${key}: missing from this run (baseline R@1 ${b.r1}, R@10 ${b.r10})`);
      continue;
    }
    for (const m of ['r1', 'r10'] as const) {
      if (c[m] < b[m] - GATE_TOLERANCE - 1e-9) out.push(`${key}: ${m === 'r1' ? 'R@1' : 'R@10'} ${c[m].toFixed(3)} < baseline ${b[m].toFixed(3)} − ${GATE_TOLERANCE}`);
    }
  }
  return out;
}

import type { ColumnMapping } from '../core/records/index.ts';

/**
 * Which unknown columns of a file are public. Pure. Unknown columns are kept
 * (never dropped) but private — archivists only — unless the archivist makes
 * them public for this source (`--public-columns`). Two exceptions: a file's
 * own source column displaced by --source stays public as the record's
 * citation, and a header written `private:NAME` (how an export marks a private
 * column) is private under NAME whatever the option says.
 */
export type PublicColumns = readonly string[] | 'all';

export const PRIVATE_PREFIX = 'private:';

export interface ExtraPlan {
  /** extra key (the header) → where it goes and under which key. */
  byHeader: ReadonlyMap<string, { key: string; private: boolean }>;
  /** The import summary's warning naming the columns kept private, if any. */
  warning: string | null;
}

const fold = (header: string) => header.normalize('NFC').trim().toLowerCase();

export function extraPlan(mapping: ColumnMapping, publicColumns: PublicColumns): ExtraPlan {
  const open = publicColumns === 'all' ? null : new Set(publicColumns.map(fold));
  const byHeader = new Map<string, { key: string; private: boolean }>();
  const kept: string[] = [];
  for (const column of mapping.columns) {
    if (column.target !== null) continue;
    if (column.header.toLowerCase().startsWith(PRIVATE_PREFIX)) {
      byHeader.set(column.header, { key: column.header.slice(PRIVATE_PREFIX.length), private: true });
      continue;
    }
    const isPrivate = !column.citation && open !== null && !open.has(fold(column.header));
    byHeader.set(column.header, { key: column.header, private: isPrivate });
    if (isPrivate) kept.push(column.header);
  }
  const warning =
    kept.length === 0
      ? null
      : `columns kept private (archivists only, never on public pages or in the public API): ${kept.map((h) => `"${h}"`).join(', ')}; to publish them for this source, import with --public-columns "${kept.join(',')}"`;
  return { byHeader, warning };
}

/** A row's extra values split into the public and the private part. */
export function splitExtra(extra: Readonly<Record<string, string>>, plan: ExtraPlan): { public: Record<string, string>; private: Record<string, string> } {
  const out = { public: {} as Record<string, string>, private: {} as Record<string, string> };
  for (const [header, value] of Object.entries(extra)) {
    const where = plan.byHeader.get(header) ?? { key: header, private: true };
    (where.private ? out.private : out.public)[where.key] = value;
  }
  return out;
}

/** `--public-columns "col a,col b"` → the list. */
export const parsePublicColumns = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);

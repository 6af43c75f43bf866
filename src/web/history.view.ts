import type { HistoryEventDto } from '../corrections/history.service.ts';
import { RECORD_FIELDS } from '../core/records/index.ts';
import type { Translate } from './i18n/i18n.ts';

/** One line of a record's public history as the page shows it. */
export interface HistoryItem {
  kind: string;
  actor: string;
  at: string;
  reason: string | null;
  details: Array<{ label: string; value: string }>;
}

const KNOWN_KINDS = new Set(['record.inserted', 'record.updated', 'record.field_changed', 'correction.submitted', 'correction.approved', 'correction.rejected', 'attested_name.restored', 'conflict.resolved',
  'link.confirmed', 'link.auto_confirmed', 'link.rejected', 'link.unlinked', 'link.rescored']);
const FIELD_OF_COLUMN = new Map<string, string>(RECORD_FIELDS.map((f) => [f.column, f.name]));

/** The public history events in words of the page's language (the data itself is shown as recorded). */
export function historyItems(events: readonly HistoryEventDto[], t: Translate, time: (iso: string) => string): HistoryItem[] {
  return events.map((e) => ({
    kind: KNOWN_KINDS.has(e.kind) ? t(`history.kind.${e.kind}`) : e.kind,
    actor: e.actor.type === 'public' ? t('history.actor.public') : `${t(`history.actor.${e.actor.type}`)}: ${e.actor.label}`,
    at: time(e.at),
    reason: e.reason,
    details: detailsOf(e.data, t),
  }));
}

function detailsOf(data: unknown, t: Translate): HistoryItem['details'] {
  if (!data || typeof data !== 'object') return [];
  const d = data as Record<string, unknown>;
  const out: HistoryItem['details'] = [];
  const text = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  if (typeof d.hanzi === 'string') out.push({ label: t('correction.hanzi.label'), value: d.hanzi });
  if (typeof d.pinyin === 'string') out.push({ label: t('correction.pinyin.label'), value: d.pinyin });
  if (typeof d.field === 'string') out.push({ label: fieldLabel(d.field, t), value: text(d.value) });
  if (d.new && typeof d.new === 'object') {
    const old = (d.old && typeof d.old === 'object' ? d.old : {}) as Record<string, unknown>;
    for (const [column, value] of Object.entries(d.new as Record<string, unknown>)) {
      if (column.endsWith('_norm')) continue;
      out.push({ label: fieldLabel(FIELD_OF_COLUMN.get(column) ?? column, t), value: `${text(old[column])} → ${text(value)}` });
    }
  }
  return out;
}

function fieldLabel(name: string, t: Translate): string {
  return RECORD_FIELDS.some((f) => f.name === name) ? t(`field.${name}`) : name;
}

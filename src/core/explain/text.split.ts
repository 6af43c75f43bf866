export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Splits on a separator outside parentheses and quotes, keeping where each part is in the text (trimmed). */
export function splitSpans(text: string, separator = ','): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '(' && !quoted) depth += 1;
    else if (ch === ')' && !quoted && depth > 0) depth -= 1;
    else if (ch === separator && depth === 0 && !quoted) {
      push(start, i);
      start = i + 1;
    }
  }
  push(start, text.length);
  return out;
}

/** Splits on a separator outside parentheses and quotes: «г. Пекина, (по другим сведениям: …, …)» is two parts. */
export function splitTopLevel(text: string, separator = ','): string[] {
  return splitSpans(text, separator).map((s) => s.text);
}

/** «(безработный)» → «безработный»; undefined when the text is not wholly in parentheses. */
export function insideParentheses(text: string): string | undefined {
  const m = /^\((.*)\)?$/s.exec(text.trim());
  if (!m || !text.trim().startsWith('(')) return undefined;
  return m[1]!.replace(/\)$/, '').trim();
}

/** The words of a phrase, with abbreviations glued to the next word split off: «г.Москвы» → «г.», «Москвы». */
export function words(text: string): string[] {
  return text
    .replace(/(^|\s)([а-яё]{1,4}\.)(?=[А-ЯЁа-яё])/g, '$1$2 ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

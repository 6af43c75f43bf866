/** Splits on a separator outside parentheses and quotes: «г. Пекина, (по другим сведениям: …, …)» is two parts. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '(' && !quoted) depth += 1;
    else if (ch === ')' && !quoted && depth > 0) depth -= 1;
    else if (ch === separator && depth === 0 && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
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

/**
 * Writing CSV (RFC 4180): fields separated by commas, records by CRLF. A field
 * is quoted when it holds a comma, a quote, a line break, a semicolon or a tab
 * (so the importer's delimiter sniffing always sees commas), or space at either
 * end; quotes inside are doubled. Pure.
 */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

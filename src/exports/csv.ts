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

/**
 * Files people open in a spreadsheet (the export, an import's errors.csv) must
 * not run what a record or an uploaded file says: a cell starting with = + - @,
 * tab or CR is a formula to Excel and LibreOffice. Such a cell gets a leading
 * `'` (OWASP's CSV injection advice), and so does a cell that already starts
 * with `'`, so that every leading `'` in our file is exactly one we added and
 * `fromSpreadsheetCell` can take it off again: export → restore is identical.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function spreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of spreadsheetCell, for reading our own files back (restore). */
export function fromSpreadsheetCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** A CSV line for a person to open: every cell spreadsheet-safe. */
export function spreadsheetCsvLine(fields: readonly string[]): string {
  return csvLine(fields.map(spreadsheetCell));
}

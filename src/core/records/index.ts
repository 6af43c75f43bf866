/**
 * Public face of the record rules: the field list, partial dates, the column
 * map of an import file, row validation and identity, and the file- and
 * row-level errors they report. Other modules import only from here. Pure: no
 * HTTP, database or file-system access.
 */
export * from './record.fields.ts';
export * from './partial-date.ts';
export * from './column-map.data.ts';
export * from './column-map.ts';
export * from './row-validation.ts';
export * from './row-identity.ts';
export * from './id-set.ts';
export * from './text-encoding.ts';
export * from './import.errors.ts';

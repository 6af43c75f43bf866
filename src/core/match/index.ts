/**
 * Public face of the matching core: the search fields a record stores, how a
 * query's readings are scored against a record's, the explanation shown beside
 * a result, nationality forms and the gazetteer of Chinese places. Other modules
 * import only from here. Pure: no HTTP, database or file-system access.
 */
export * from './search-fields.ts';
export * from './ranking.ts';
export * from './decode-cache.ts';
export * from './nationality.ts';
export * from './gazetteer/gazetteer.ts';
export * from './shown-readings.ts';

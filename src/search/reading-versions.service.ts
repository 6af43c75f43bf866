/**
 * What other features may ask of the readings' versions (health, stats): how
 * many records a `namebridge reindex` would rebuild.
 */
export { staleReadingsCount } from './reading-versions.repository.ts';

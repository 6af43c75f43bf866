/**
 * Named points where a test may kill this process with SIGKILL: the SIGKILL
 * matrix of the importer (tests/integration/import-crash.test.ts) sets
 * NB_CRASH_AT=name:n to die the n-th time `name` is reached — a real SIGKILL
 * at an exact step (during parsing, inside a batch's transaction, during the
 * duplicate check), which a timer from outside cannot aim at. Unset (always,
 * outside that test) it costs one comparison.
 */
const [target, nth] = (process.env.NB_CRASH_AT ?? '').split(':');
const limit = Number(nth) || 1;
let hits = 0;

export function crashPoint(name: string): void {
  if (target !== name) return;
  if (++hits >= limit) process.kill(process.pid, 'SIGKILL');
}

/**
 * The prepositions of occupation phrases and their English (occupation.reader.ts chooses "at" for a place of work,
 * "from" for «с» with the genitive, "in" for a language), and phrases that stand as one preposition.
 */
export const PREPOSITIONS: Readonly<Record<string, string>> = {
  в: 'in', во: 'in', на: 'at', при: 'under', по: 'for', для: 'for', из: 'from', с: 'with', со: 'with', у: 'at', от: 'from', к: 'to', за: 'for',
  // «на иждивении сына», «находился на иждивении детей»: supported by them (靠儿子供养), not "at the dependency of".
  'на иждивении': 'supported by',
  // «на учете райвоенкомата»: on the register of (在…登记), not "at the accounting".
  'на учете': 'registered with',
};
export const PHRASE_PREPOSITIONS: ReadonlyArray<{ pattern: RegExp; rel: string }> = [
  { pattern: /^(?:находил(?:ся|ась)\s+)?на иждивении(?=\s)/i, rel: 'на иждивении' },
  { pattern: /^(?:состоял[а]?\s+)?на учете(?=\s)/i, rel: 'на учете' },
];

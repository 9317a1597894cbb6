import type { NameTokens } from './personName.js';
import { phoneticKey } from './phoneticKey.js';

/**
 * Blocking keys stored in `match_keys` (GIN-indexed): two records become
 * candidates when they share one. Keys are pairs, so a common given name or
 * surname alone does not pull in thousands of rows:
 *
 * - `given|surname` for every given name (nicknames resolved) and every
 *   surname, in either position: swapped surnames and a missing second
 *   surname still share a pair;
 * - `surname+surname`, sorted: catches a misspelt given name when both
 *   surnames are known.
 *
 * Each part is a {@link phoneticKey}, so spelling variants meet. A misspelt
 * surname with only one surname known is left to the trigram side of the
 * candidate query.
 */
export function matchKeys(name: NameTokens): string[] {
  const surnames = name.surnames
    .filter((s): s is string => !!s)
    .map(phoneticKey)
    .filter(Boolean);
  const given = name.given.map(phoneticKey).filter(Boolean);
  const keys = new Set<string>();
  for (const g of given) for (const s of surnames) keys.add(`${g}|${s}`);
  if (surnames.length === 2) keys.add([...surnames].sort().join('+'));
  return [...keys];
}

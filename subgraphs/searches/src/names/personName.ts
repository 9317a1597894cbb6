import { foldName } from './nameKey.js';
import { canonicalGivenName } from './nicknames.js';

/** Particles of compound surnames ("de la Cruz", "Del Cid") that carry no identity. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'dos', 'van', 'von']);

/** A name as the matcher sees it: folded tokens, given names resolved from nicknames. */
export interface NameTokens {
  /** Canonical given-name tokens ("chepe" → "jose"), aliases' first tokens included. */
  readonly given: readonly string[];
  /** Folded given-name tokens as written (to tell a nickname from an exact match). */
  readonly givenWritten: readonly string[];
  /** Folded surname tokens: the first surname's, then the second's; null when that surname is unknown. */
  readonly surnames: readonly [string | null, string | null];
}

function surnameToken(surname: string | null): string | null {
  if (!surname) return null;
  // The distinctive word of a compound surname is its last ("de León" → "leon").
  const words = foldName(surname)
    .split(' ')
    .filter((w) => w && !PARTICLES.has(w));
  return words.at(-1) ?? null;
}

/**
 * Splits a described name into the tokens the matcher compares. The result
 * is shared between calls with the same name (read-only): scoring one search
 * folds up to 150 blocked records' names, and names repeat a lot.
 */
export function nameTokens(
  givenNames: string | null,
  firstSurname: string | null,
  secondSurname: string | null,
  aliases: readonly string[] = [],
): NameTokens {
  const key = `${givenNames ?? ''}\u0000${firstSurname ?? '\u0001'}\u0000${secondSurname ?? '\u0001'}\u0000${aliases.join('\u0000')}`;
  let tokens = CACHE.get(key);
  if (!tokens) {
    tokens = split(givenNames, firstSurname, secondSurname, aliases);
    if (CACHE.size > 50_000) CACHE.clear();
    CACHE.set(key, tokens);
  }
  return tokens;
}

const CACHE = new Map<string, NameTokens>();

function split(
  givenNames: string | null,
  firstSurname: string | null,
  secondSurname: string | null,
  aliases: readonly string[],
): NameTokens {
  const written = [givenNames ?? '', ...aliases.map((a) => a.split(/\s+/)[0] ?? '')]
    .flatMap((part) => foldName(part).split(' '))
    .filter((w) => w && !PARTICLES.has(w));
  return {
    given: [...new Set(written.map(canonicalGivenName))],
    givenWritten: [...new Set(written)],
    surnames: [surnameToken(firstSurname), surnameToken(secondSurname)],
  };
}

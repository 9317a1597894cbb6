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

/**
 * Splits a described name into the tokens the matcher compares. Its parts
 * are shared between calls with the same given names or the same surname
 * (read-only): scoring one search folds up to 150 blocked records' names,
 * and while full names rarely repeat (493,457 distinct among 1M records of
 * the domain bench), given names (2,799) and surnames (about 110) do. The
 * scorer's memo keys on those shared parts.
 */
export function nameTokens(
  givenNames: string | null,
  firstSurname: string | null,
  secondSurname: string | null,
  aliases: readonly string[] = [],
): NameTokens {
  const { given, givenWritten } = givenTokens(givenNames, aliases);
  return { given, givenWritten, surnames: [surnameToken(firstSurname), surnameToken(secondSurname)] };
}

type GivenTokens = Pick<NameTokens, 'given' | 'givenWritten'>;

const GIVEN_CACHE = new Map<string, GivenTokens>();
const SURNAME_CACHE = new Map<string, string | null>();
/** Bounds each cache; past it, the cache starts again (names are a long-tailed but small vocabulary). */
const CACHE_LIMIT = 50_000;

function givenTokens(givenNames: string | null, aliases: readonly string[]): GivenTokens {
  const key = aliases.length === 0 ? (givenNames ?? '') : [givenNames ?? '', ...aliases].join('\u0000');
  let tokens = GIVEN_CACHE.get(key);
  if (!tokens) {
    const written = [givenNames ?? '', ...aliases.map((a) => a.split(/\s+/)[0] ?? '')]
      .flatMap((part) => foldName(part).split(' '))
      .filter((w) => w && !PARTICLES.has(w));
    tokens = { given: [...new Set(written.map(canonicalGivenName))], givenWritten: [...new Set(written)] };
    if (GIVEN_CACHE.size >= CACHE_LIMIT) GIVEN_CACHE.clear();
    GIVEN_CACHE.set(key, tokens);
  }
  return tokens;
}

function surnameToken(surname: string | null): string | null {
  if (!surname) return null;
  let token = SURNAME_CACHE.get(surname);
  if (token === undefined) {
    // The distinctive word of a compound surname is its last ("de León" → "leon").
    const words = foldName(surname)
      .split(' ')
      .filter((w) => w && !PARTICLES.has(w));
    token = words.at(-1) ?? null;
    if (SURNAME_CACHE.size >= CACHE_LIMIT) SURNAME_CACHE.clear();
    SURNAME_CACHE.set(surname, token);
  }
  return token;
}

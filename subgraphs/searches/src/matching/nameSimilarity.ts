import { phoneticKey } from '../names/phoneticKey.js';
import { editSimilarity } from './editSimilarity.js';

/** How two name tokens relate, strongest first; `weight` scales a feature's full contribution. */
export interface TokenMatch {
  readonly kind: 'exact' | 'nickname' | 'phonetic' | 'spelling' | 'none';
  readonly weight: number;
}

const NONE: TokenMatch = { kind: 'none', weight: 0 };

/**
 * Compares two folded tokens. `aWritten` is the first token as written when
 * it was resolved from a nickname (so the explanation can say "nickname").
 */
export function tokenMatch(a: string, b: string, aWritten = a): TokenMatch {
  const key = `${a}|${b}|${aWritten}`;
  let match = CACHE.get(key);
  if (!match) {
    match = compare(a, b, aWritten);
    // Scoring thousands of candidates compares the same few hundred names over and over.
    if (CACHE.size > 100_000) CACHE.clear();
    CACHE.set(key, match);
  }
  return match;
}

const CACHE = new Map<string, TokenMatch>();

function compare(a: string, b: string, aWritten: string): TokenMatch {
  if (a === b) return aWritten === a ? { kind: 'exact', weight: 1 } : { kind: 'nickname', weight: 0.95 };
  const pa = phoneticKey(a);
  if (pa && pa === phoneticKey(b)) return { kind: 'phonetic', weight: 0.9 };
  const similarity = editSimilarity(a, b);
  // One slip in a short name, two in a long one; below that it is another name.
  return similarity >= 0.7 ? { kind: 'spelling', weight: 0.85 * similarity } : NONE;
}

/** The best match between any token of `as` and any of `bs`. */
export function bestTokenMatch(
  as: readonly string[],
  bs: readonly string[],
  written: readonly string[] = as,
): TokenMatch & { a: number; b: number } {
  let best = { ...NONE, a: -1, b: -1 };
  as.forEach((a, i) => {
    bs.forEach((b, j) => {
      const match = tokenMatch(a, b, written.includes(a) ? a : `~${a}`);
      if (match.weight > best.weight) best = { ...match, a: i, b: j };
    });
  });
  return best;
}

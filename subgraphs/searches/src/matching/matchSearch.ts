import type { Queryable } from '@amparo/kit';
import type { NameTokens } from '../names/personName.js';
import { findFoundCandidates, findSearchCandidates } from './findCandidates.js';
import { findReciprocalSearches } from './findReciprocalSearches.js';
import type { MatchProfile } from './matchProfile.js';
import { storeCandidates } from './storeCandidates.js';
import { useGenericPlans } from './useGenericPlans.js';

/** Candidates kept per search and per side (found records, other searches). */
export const CANDIDATES_PER_SEARCH = 5;

/**
 * Incremental matching of one new or changed search: against found-person
 * records, and against other active searches — two relatives searching for
 * each other (when the requester gave her own name) or for the same person —
 * stored in both directions, so each handling organisation sees it. Runs
 * inside the caller's transaction.
 */
export async function matchSearch(
  tx: Queryable,
  search: MatchProfile,
  requester: NameTokens | null = null,
): Promise<number> {
  await useGenericPlans(tx);
  const found = await findFoundCandidates(tx, search, CANDIDATES_PER_SEARCH);
  const duplicates = await findSearchCandidates(tx, search, CANDIDATES_PER_SEARCH, {
    timed: false,
    excludeId: search.id,
  });
  const reciprocal = await findReciprocalSearches(
    tx,
    { id: search.id, missing: search.name, requester },
    CANDIDATES_PER_SEARCH,
  );
  const others = [...reciprocal, ...duplicates.filter((d) => !reciprocal.some((r) => r.id === d.id))];
  return storeCandidates(tx, [
    ...found.map((candidate) => ({ searchRequestId: search.id, foundPersonRecordId: candidate.id, candidate })),
    ...others.flatMap((candidate) => [
      { searchRequestId: search.id, otherSearchRequestId: candidate.id, candidate },
      { searchRequestId: candidate.id, otherSearchRequestId: search.id, candidate },
    ]),
  ]);
}

/** Incremental matching of one new found-person record against the active searches it may answer. */
export async function matchFoundPerson(tx: Queryable, record: MatchProfile): Promise<number> {
  await useGenericPlans(tx);
  const searches = await findSearchCandidates(tx, record, 20, { timed: true });
  return storeCandidates(
    tx,
    searches.map((candidate) => ({ searchRequestId: candidate.id, foundPersonRecordId: record.id, candidate })),
  );
}

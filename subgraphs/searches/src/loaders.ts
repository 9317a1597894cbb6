import { keyedLoader, type Database } from '@amparo/kit';
import type { VerifiedInternalClaims } from '@amparo/schema';
import { requestVisibility, visibilityClause } from './requests/requestVisibility.js';
import { SEARCH_REQUEST_COLUMNS, toSearchRequest, type SearchRequestRow } from './requests/searchRequestRow.js';
import { createReviewLoaders } from './review/reviewLoaders.js';

/**
 * One set per request, bound to the caller: the visibility rule is part of
 * the query, so a request she may not see comes back null exactly like one
 * that does not exist (F2), whether asked through Query or `_entities`.
 */
export function createSearchesLoaders(db: Database, claims: VerifiedInternalClaims) {
  const visibility = requestVisibility(claims.principal);
  return {
    searchRequest: keyedLoader(
      async (ids: readonly string[]) => {
        if (!visibility) return [];
        const rows = await db.query<SearchRequestRow>(
          `SELECT ${SEARCH_REQUEST_COLUMNS} FROM search_requests WHERE id = ANY($1::uuid[]) AND ${visibilityClause(visibility, '$2')}`,
          [ids, visibility.value],
          // One text per visibility rule, each a lookup by key: kept prepared on each connection.
          { prepare: true },
        );
        return rows.map(toSearchRequest);
      },
      (r) => r.id,
    ),
    ...createReviewLoaders(db, claims.principal),
  };
}

export type SearchesLoaders = ReturnType<typeof createSearchesLoaders>;

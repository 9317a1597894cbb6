import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../testing/useMigratedDatabase.js';

/**
 * Opening a search reads the search_requests GIN indexes right after
 * inserting into them (migration 0008): with fast update on, the rows just
 * inserted wait in a pending list each read scans in full, and the planner
 * falls back to a trigram similarity per active search.
 */
const store = useMigratedDatabase();

describe('the indexes matching reads on every search opened', () => {
  it('are every GIN index of search_requests, each updated at once (fastupdate off)', async () => {
    const indexes = await store.db().query<{ name: string; options: string[] | null }>(
      `SELECT c.relname AS name, c.reloptions AS options
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
        WHERE i.indrelid = 'search_requests'::regclass AND a.amname = 'gin'
        ORDER BY 1`,
    );
    expect(indexes.map((i) => i.name)).toEqual([
      'search_requests_active_match_keys_idx',
      'search_requests_active_name_trgm_idx',
      'search_requests_active_requester_match_keys_idx',
    ]);
    for (const index of indexes) expect(index.options ?? [], index.name).toContain('fastupdate=off');
  });
});

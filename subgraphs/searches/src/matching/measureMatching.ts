import type { Database } from '@amparo/kit';
import { findFoundCandidates } from './findCandidates.js';
import {
  FOUND_PROFILE_COLUMNS,
  SEARCH_PROFILE_COLUMNS,
  foundProfile,
  searchProfile,
  type FoundProfileRow,
  type MatchProfile,
  type SearchProfileRow,
} from './matchProfile.js';
import { primeroScore } from './primeroScore.js';
import { scoreCandidate } from './scoreCandidate.js';

/** Precision of the first candidate and recall of the first five, over the seeded true matches. */
export interface MatchingQuality {
  readonly truths: number;
  readonly precisionAt1: number;
  readonly recallAt5: number;
  /** Recall@5 per kind of name variant (typo, nickname, mayan_spelling…). */
  readonly recallAt5ByVariant: Readonly<Record<string, number>>;
}

interface Truth {
  search: MatchProfile;
  foundId: string;
  variant: string;
}

async function loadTruths(db: Database): Promise<Truth[]> {
  const rows = await db.query<SearchProfileRow & { found_id: string; variant: string }>(
    `SELECT ${SEARCH_PROFILE_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1s.$2')}, t.found_person_record_id AS found_id, t.variant
       FROM seed_true_matches t JOIN search_requests s ON s.id = t.search_request_id ORDER BY s.id`,
  );
  return rows.map((row) => ({ search: searchProfile(row), foundId: row.found_id, variant: row.variant }));
}

function summarise(truths: Truth[], rankings: string[][]): MatchingQuality {
  const byVariant = new Map<string, { hit: number; n: number }>();
  let top1 = 0;
  let top5 = 0;
  truths.forEach((truth, i) => {
    const ranking = rankings[i] ?? [];
    const hit = ranking.slice(0, 5).includes(truth.foundId);
    if (ranking[0] === truth.foundId) top1++;
    if (hit) top5++;
    const v = byVariant.get(truth.variant) ?? { hit: 0, n: 0 };
    byVariant.set(truth.variant, { hit: v.hit + (hit ? 1 : 0), n: v.n + 1 });
  });
  const n = Math.max(1, truths.length);
  return {
    truths: truths.length,
    precisionAt1: top1 / n,
    recallAt5: top5 / n,
    recallAt5ByVariant: Object.fromEntries([...byVariant].sort().map(([k, v]) => [k, v.hit / v.n])),
  };
}

/** Amparo's production path: blocking in SQL, then scoring, for every seeded true match. */
export async function measureAmparo(db: Database): Promise<MatchingQuality> {
  const truths = await loadTruths(db);
  const rankings: string[][] = [];
  for (const truth of truths) {
    const candidates = await db.transaction((tx) => findFoundCandidates(tx, truth.search, 5));
    rankings.push(candidates.map((c) => c.id));
  }
  return summarise(truths, rankings);
}

/**
 * Both scorers over every found record (no blocking), so the reference is
 * not judged through Amparo's blocking. Ties are broken by record id,
 * which knows nothing of the truth.
 */
export async function measureExhaustive(db: Database): Promise<{ amparo: MatchingQuality; primero: MatchingQuality }> {
  const truths = await loadTruths(db);
  const found = (await db.query<FoundProfileRow>(`SELECT ${FOUND_PROFILE_COLUMNS} FROM found_person_records`)).map(
    foundProfile,
  );
  const top = (score: (p: MatchProfile) => number) =>
    found
      .map((p) => ({ id: p.id, score: score(p) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, 5)
      .map((c) => c.id);
  return {
    amparo: summarise(
      truths,
      truths.map((t) => top((p) => scoreCandidate(t.search, p).score)),
    ),
    primero: summarise(
      truths,
      truths.map((t) => top((p) => primeroScore(t.search, p))),
    ),
  };
}

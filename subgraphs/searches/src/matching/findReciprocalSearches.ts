import type { Queryable } from '@amparo/kit';
import { matchKeys } from '../names/matchKeys.js';
import { nameTokens, type NameTokens } from '../names/personName.js';
import { ACTIVE_STATUS_CONDITION } from './activeStatuses.js';
import type { Candidate } from './findCandidates.js';
import type { MatchProfile } from './matchProfile.js';
import { MIN_NAME_SCORE, scoreCandidate, type MatchFeature } from './scoreCandidate.js';

/** A search seen from the reciprocal side: who is missing, and who is looking. */
export interface ReciprocalSubject {
  readonly id: string;
  readonly missing: NameTokens;
  readonly requester: NameTokens | null;
}

function namesOnly(id: string, name: NameTokens): MatchProfile {
  return {
    id,
    name,
    sex: 'UNKNOWN',
    birthYears: null,
    birthDateKnown: false,
    nationality: null,
    languages: [],
    seen: { date: null, latitude: null, longitude: null, country: null },
  };
}

function labelled(features: readonly MatchFeature[], label: string): MatchFeature[] {
  return features.map((f) => ({ ...f, detail: `${label}: ${f.detail}` }));
}

/**
 * Two relatives searching for each other (issue 7): other active searches
 * whose missing person is this search's requester and whose requester is
 * this search's missing person. Both directions must match by name; the
 * score is the sum of both name scores, explained per direction.
 */
export async function findReciprocalSearches(
  tx: Queryable,
  subject: ReciprocalSubject,
  limit: number,
): Promise<Candidate[]> {
  if (!subject.requester) return [];
  const requesterKeys = matchKeys(subject.requester);
  const missingKeys = matchKeys(subject.missing);
  if (requesterKeys.length === 0 || missingKeys.length === 0) return [];
  const rows = await tx.query<{
    id: string;
    given_names: string;
    first_surname: string | null;
    second_surname: string | null;
    requester_given_names: string | null;
    requester_first_surname: string | null;
    requester_second_surname: string | null;
  }>(
    `SELECT id, given_names, first_surname, second_surname, requester_given_names, requester_first_surname,
            requester_second_surname
       FROM search_requests
      WHERE match_keys && $1::text[] AND requester_match_keys && $2::text[]
        AND ${ACTIVE_STATUS_CONDITION} AND id <> $3::uuid
      LIMIT 50`,
    [requesterKeys, missingKeys, subject.id],
  );
  const requester = subject.requester;
  return rows
    .map((row) => {
      const theirMissing = scoreCandidate(
        namesOnly(subject.id, requester),
        namesOnly(row.id, nameTokens(row.given_names, row.first_surname, row.second_surname)),
        false,
      );
      const theirRequester = scoreCandidate(
        namesOnly(subject.id, subject.missing),
        namesOnly(
          row.id,
          nameTokens(row.requester_given_names, row.requester_first_surname, row.requester_second_surname),
        ),
        false,
      );
      return {
        id: row.id,
        score: Math.round((theirMissing.score + theirRequester.score) * 10) / 10,
        nameScore: Math.min(theirMissing.nameScore, theirRequester.nameScore),
        explanation: [
          ...labelled(theirMissing.explanation, 'their missing person is this requester'),
          ...labelled(theirRequester.explanation, 'their requester is this missing person'),
        ],
      };
    })
    .filter((c) => c.nameScore >= MIN_NAME_SCORE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

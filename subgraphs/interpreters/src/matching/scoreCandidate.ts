/** Why a candidate ranks where she does; points add up to her score. */
export interface MatchReason {
  readonly code:
    | 'LANGUAGE_BOTH_WAYS'
    | 'LANGUAGE_ONE_WAY'
    | 'SPHERE_CERTIFIED'
    | 'SPHERE_UNCERTIFIED'
    | 'PROFICIENCY'
    | 'AVAILABLE'
    | 'GENDER_PREFERRED'
    | 'GENDER_NOT_PREFERRED'
    | 'RECENT_LOAD';
  readonly points: number;
  readonly detail: string;
}

/** What scoring needs to know about one eligible interpreter. */
export interface CandidateFacts {
  readonly bothWays: boolean;
  readonly oneWayDetail: string;
  readonly proficiency: 'NATIVE' | 'FLUENT' | 'WORKING';
  readonly certified: boolean;
  readonly gender: string | null;
  readonly recentBookings: number;
  readonly earliestStartAt: number;
}

const PROFICIENCY_POINTS = { NATIVE: 10, FLUENT: 6, WORKING: 0 } as const;
/** Load balancing: each recent booking costs 2 points, at most 20, so it reorders equals but never outweighs a certification. */
const LOAD_POINTS_PER_BOOKING = 2;
const MAX_LOAD_PENALTY = 20;

/** The reasons (and so the score) for one candidate; the weights are the matching policy in one place. */
export function scoreCandidate(facts: CandidateFacts, preferredGender: string | null): MatchReason[] {
  const reasons: MatchReason[] = [
    facts.bothWays
      ? { code: 'LANGUAGE_BOTH_WAYS', points: 40, detail: 'interprets both ways' }
      : { code: 'LANGUAGE_ONE_WAY', points: 10, detail: facts.oneWayDetail },
    facts.certified
      ? { code: 'SPHERE_CERTIFIED', points: 30, detail: 'certification valid on the date' }
      : { code: 'SPHERE_UNCERTIFIED', points: 0, detail: 'no certification valid on the date' },
    { code: 'PROFICIENCY', points: PROFICIENCY_POINTS[facts.proficiency], detail: facts.proficiency },
    { code: 'AVAILABLE', points: 0, detail: `free from ${new Date(facts.earliestStartAt).toISOString()}` },
  ];
  if (preferredGender !== null) {
    reasons.push(
      facts.gender === preferredGender
        ? { code: 'GENDER_PREFERRED', points: 25, detail: preferredGender }
        : { code: 'GENDER_NOT_PREFERRED', points: 0, detail: facts.gender ?? 'not stated' },
    );
  }
  reasons.push({
    code: 'RECENT_LOAD',
    points: -Math.min(facts.recentBookings * LOAD_POINTS_PER_BOOKING, MAX_LOAD_PENALTY),
    detail: `${facts.recentBookings} bookings in the last 30 days and ahead`,
  });
  return reasons;
}

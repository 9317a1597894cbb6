import type { Queryable } from '@amparo/kit';
import {
  AVAILABILITY_EXCEPTION_COLUMNS,
  WEEKLY_SLOT_COLUMNS,
  toAvailabilityException,
  toWeeklySlot,
  type AvailabilityException,
  type AvailabilityExceptionRow,
  type WeeklySlot,
  type WeeklySlotRow,
} from '../availability/availabilityRows.js';
import { availableIntervals } from '../availability/availableIntervals.js';
import { firstFit, subtractIntervals, type Interval } from '../availability/intervals.js';
import { addDays } from '../availability/zonedTime.js';
import { normalizeCommunity } from './normalizeCommunity.js';
import { scoreCandidate, type MatchReason } from './scoreCandidate.js';

/** What matching needs from a request. */
export interface MatchCriteria {
  readonly language: string;
  readonly targetLanguage: string;
  readonly sphere: string;
  readonly modality: string;
  readonly country: string;
  readonly preferredGender: string | null;
  readonly avoidCommunities: readonly string[];
  readonly durationMinutes: number;
  /** Where the session may lie (see matchWindow). */
  readonly window: Interval;
  /** Bookings of the last 30 days before this instant count as recent load. */
  readonly now: number;
  /** Only consider this interpreter (confirmation re-checks one candidate). */
  readonly interpreterId?: string;
}

export interface Candidate {
  readonly interpreterId: string;
  readonly score: number;
  readonly earliestStartAt: number;
  readonly reasons: readonly MatchReason[];
}

export interface Exclusion {
  readonly interpreterId: string;
  readonly reason: 'COMMUNITY_AVOIDED';
}

interface EligibleRow {
  id: string;
  gender: string | null;
  communities: string[];
  time_zone: string;
  from_language: string;
  to_language: string;
  direction: 'ONE_WAY' | 'BOTH';
  proficiency: 'NATIVE' | 'FLUENT' | 'WORKING';
}

const PROFICIENCY_ORDER = ['WORKING', 'FLUENT', 'NATIVE'] as const;
const DAY_MS = 86_400_000;

/**
 * Ranks the interpreters who could take a request. Hard requirements (filtered
 * out, no reason given): ACTIVE, a pair between the two languages, the sphere
 * listed, the modality offered, the country for IN_PERSON, a free stretch of
 * the duration inside the window. Interpreters from a community to avoid are
 * left out entirely and reported as exclusions. The rest are scored
 * (scoreCandidate) and ordered by score, then id, so equal scores always come
 * out in the same order.
 */
export async function matchCandidates(
  db: Queryable,
  criteria: MatchCriteria,
): Promise<{ candidates: Candidate[]; excluded: Exclusion[]; unavailable: string[] }> {
  const windowStartDate = new Date(criteria.window.start).toISOString().slice(0, 10);
  const params: unknown[] = [
    criteria.language,
    criteria.targetLanguage,
    criteria.sphere,
    criteria.modality,
    criteria.modality === 'IN_PERSON' ? criteria.country : null,
  ];
  let only = '';
  if (criteria.interpreterId !== undefined) {
    params.push(criteria.interpreterId);
    only = `AND i.id = $${params.length}::uuid`;
  }
  const rows = await db.query<EligibleRow>(
    `SELECT i.id, i.gender, i.communities, i.time_zone, l.from_language, l.to_language, l.direction, l.proficiency
       FROM interpreter_languages l JOIN interpreters i ON i.id = l.interpreter_id
      WHERE ((l.from_language = $1 AND l.to_language = $2) OR (l.from_language = $2 AND l.to_language = $1))
        AND i.status = 'ACTIVE'
        AND i.spheres @> ARRAY[$3::text] AND i.modalities @> ARRAY[$4::text]
        AND ($5::text IS NULL OR i.countries @> ARRAY[$5::text]) ${only}
      ORDER BY i.id`,
    params,
  );

  const avoid = new Set(criteria.avoidCommunities.map(normalizeCommunity));
  const excluded: Exclusion[] = [];
  const eligible = new Map<string, EligibleRow[]>();
  for (const row of rows) {
    if (row.communities.some((c) => avoid.has(normalizeCommunity(c)))) {
      if (!excluded.some((e) => e.interpreterId === row.id)) {
        excluded.push({ interpreterId: row.id, reason: 'COMMUNITY_AVOIDED' });
      }
      continue;
    }
    eligible.set(row.id, [...(eligible.get(row.id) ?? []), row]);
  }
  if (eligible.size === 0) return { candidates: [], excluded, unavailable: [] };

  const ids = [...eligible.keys()];
  const fromDate = addDays(windowStartDate, -2);
  const toDate = addDays(new Date(criteria.window.end).toISOString().slice(0, 10), 2);
  const [slots, exceptions, bookings] = await Promise.all([
    db.query<WeeklySlotRow>(
      `SELECT ${WEEKLY_SLOT_COLUMNS} FROM interpreter_weekly_availability WHERE interpreter_id = ANY($1::uuid[])`,
      [ids],
    ),
    db.query<AvailabilityExceptionRow>(
      `SELECT ${AVAILABILITY_EXCEPTION_COLUMNS} FROM interpreter_availability_exceptions
        WHERE interpreter_id = ANY($1::uuid[]) AND on_date BETWEEN $2::date AND $3::date`,
      [ids, fromDate, toDate],
    ),
    db.query<{ interpreter_id: string; starts_at: Date; ends_at: Date }>(
      `SELECT interpreter_id, starts_at, ends_at FROM interpretation_bookings
        WHERE interpreter_id = ANY($1::uuid[]) AND status IN ('CONFIRMED', 'COMPLETED')
          AND starts_at < $3::timestamptz AND ends_at > $2::timestamptz`,
      [ids, new Date(criteria.window.start).toISOString(), new Date(criteria.window.end).toISOString()],
    ),
  ]);
  const slotsOf = groupBy(slots.map(toWeeklySlot), (s: WeeklySlot) => s.interpreterId);
  const exceptionsOf = groupBy(exceptions.map(toAvailabilityException), (e: AvailabilityException) => e.interpreterId);
  const bookedOf = groupBy(
    bookings.map((b) => ({ id: b.interpreter_id, start: b.starts_at.getTime(), end: b.ends_at.getTime() })),
    (b) => b.id,
  );

  const durationMs = criteria.durationMinutes * 60_000;
  // Eligible but with no free stretch in the window: confirmation reports these as unavailable.
  const unavailable: string[] = [];
  const free = new Map<string, number>();
  for (const [id, pairs] of eligible) {
    const first = pairs[0] as EligibleRow;
    const earliestStartAt = firstFit(
      subtractIntervals(
        availableIntervals(criteria.window, first.time_zone, slotsOf.get(id) ?? [], exceptionsOf.get(id) ?? []),
        bookedOf.get(id) ?? [],
      ),
      durationMs,
    );
    if (earliestStartAt === null) unavailable.push(id);
    else free.set(id, earliestStartAt);
  }
  if (free.size === 0) return { candidates: [], excluded, unavailable };

  // Certification and recent load only for the few who are free: two grouped queries, not one per row.
  const freeIds = [...free.keys()];
  const [certified, loads] = await Promise.all([
    db.query<{ interpreter_id: string }>(
      `SELECT DISTINCT interpreter_id FROM interpreter_certifications
        WHERE interpreter_id = ANY($1::uuid[]) AND issued_on <= $2::date AND (expires_on IS NULL OR expires_on >= $2::date)`,
      [freeIds, windowStartDate],
    ),
    db.query<{ interpreter_id: string; n: number }>(
      `SELECT interpreter_id, count(*) AS n FROM interpretation_bookings
        WHERE interpreter_id = ANY($1::uuid[]) AND status IN ('CONFIRMED', 'COMPLETED') AND starts_at >= $2::timestamptz
        GROUP BY interpreter_id`,
      [freeIds, new Date(criteria.now - 30 * DAY_MS).toISOString()],
    ),
  ]);
  const certifiedIds = new Set(certified.map((c) => c.interpreter_id));
  const loadOf = new Map(loads.map((l) => [l.interpreter_id, l.n]));

  const candidates: Candidate[] = [];
  for (const [id, earliestStartAt] of free) {
    const pairs = eligible.get(id) ?? [];
    const first = pairs[0] as EligibleRow;
    const ways = new Set(
      pairs.flatMap((p) =>
        p.direction === 'BOTH' ? ['in', 'out'] : [p.from_language === criteria.language ? 'in' : 'out'],
      ),
    );
    const oneWay = pairs.find((p) => p.direction === 'ONE_WAY');
    const reasons = scoreCandidate(
      {
        bothWays: ways.size === 2,
        oneWayDetail: oneWay ? `only ${oneWay.from_language} → ${oneWay.to_language}` : '',
        proficiency: pairs
          .map((p) => p.proficiency)
          .reduce((a, b) => (PROFICIENCY_ORDER.indexOf(a) >= PROFICIENCY_ORDER.indexOf(b) ? a : b)),
        certified: certifiedIds.has(id),
        gender: first.gender,
        recentBookings: loadOf.get(id) ?? 0,
        earliestStartAt,
      },
      criteria.preferredGender,
    );
    candidates.push({
      interpreterId: id,
      score: reasons.reduce((sum, r) => sum + r.points, 0),
      earliestStartAt,
      reasons,
    });
  }
  candidates.sort((a, b) => b.score - a.score || (a.interpreterId < b.interpreterId ? -1 : 1));
  return { candidates, excluded, unavailable };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

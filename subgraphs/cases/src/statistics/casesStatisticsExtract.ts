import { periodBounds, RCM_COUNTRIES, type Queryable } from '@amparo/kit';
import {
  AGE_GROUP_SQL,
  AGES_AT_EVENT_SQL,
  CASE_PHASE_SQL,
  CATEGORY_SQL,
  COUNTRY_SQL,
  DISABILITY_SQL,
  INCIDENT_PHASE_SQL,
  INDIGENOUS_LANGUAGE_SQL,
  NATIONALITY_SQL,
  NEED_CATEGORY_SQL,
  SEX_SQL,
  VIOLENCE_TYPE_SQL,
} from './extractDimensionSql.js';

export type CasesMeasure =
  | 'CASES_OPENED'
  | 'CASES_ACTIVE'
  | 'CASES_CLOSED'
  | 'NEEDS'
  | 'REFERRALS_MADE'
  | 'REFERRALS_COMPLETED'
  | 'INCIDENTS';

/**
 * Need categories one case counts in, at most: the first ones she named.
 * Statistics accounts each NEEDS cell set at this many records per person
 * (its NEEDS_CATEGORIES_PER_CASE, the same number): counting every need would
 * let one woman move up to 21 cells and spend more privacy than recorded.
 */
export const NEEDS_CATEGORIES_PER_CASE = 3;

/** One fine dimension of a cell: a code from the statistics subgraph's code lists. */
export interface ExtractDimension {
  readonly dimension: string;
  readonly code: string;
}

/** One de-identified count: codes and a number, nothing else. */
export interface ExtractCell {
  readonly measure: CasesMeasure;
  readonly dims: readonly ExtractDimension[];
  readonly count: number;
}

/** What the statistics pipeline collects from this subgraph for one period (month, quarter or year). */
export interface StatisticsExtract {
  readonly period: string;
  readonly cells: readonly ExtractCell[];
}

interface MeasureQuery {
  readonly measure: CasesMeasure;
  /**
   * At most one row per case (her first event of the period), so each person
   * contributes once per measure and period — once in a quarter or a year
   * too, however many of its months she appears in: columns case_id, event_date
   * (the date her age is taken at) and whatever the dimensions read from `e`.
   * NEEDS alone has one row per distinct category, at most
   * {@link NEEDS_CATEGORIES_PER_CASE} per case.
   */
  readonly events: string;
  /** The measure's fine dimensions, in statistics' canonical order, with their SQL. */
  readonly dims: readonly (readonly [string, string])[];
}

const IN_PERIOD = (column: string) => `${column} >= $1::timestamptz AND ${column} < $2::timestamptz`;
const UTC_DATE = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;
/**
 * Open at any time during the period: opened before it ended, not closed
 * before it began. A closed case without a closure date cannot be placed in
 * time and is left out. Erasure closes a case (closed_at) and keeps the
 * fields read here, so an erased case still counts with them.
 */
const ACTIVE_IN_PERIOD = `c.opened_at < $2::timestamptz
  AND (c.closed_at >= $1::timestamptz OR (c.closed_at IS NULL AND c.status <> 'CLOSED'))`;
/** Her age is taken when she first appears in the period: its start, or the opening if later. */
const FIRST_ACTIVE_DATE = `greatest(${UTC_DATE('c.opened_at')}, ${UTC_DATE('$1::timestamptz')})`;

/** The fine dimensions of each measure: every dimension of its published tables (statistics' PUBLISHED_TABLES). */
export const MEASURE_QUERIES: readonly MeasureQuery[] = [
  {
    measure: 'CASES_OPENED',
    events: `SELECT c.id AS case_id, ${UTC_DATE('c.opened_at')} AS event_date FROM cases c WHERE ${IN_PERIOD('c.opened_at')}`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['NATIONALITY', NATIONALITY_SQL],
      ['SEX', SEX_SQL],
      ['AGE_GROUP', AGE_GROUP_SQL],
      ['PHASE', CASE_PHASE_SQL],
      ['DISABILITY', DISABILITY_SQL],
      ['INDIGENOUS_LANGUAGE', INDIGENOUS_LANGUAGE_SQL],
    ],
  },
  {
    measure: 'CASES_ACTIVE',
    events: `SELECT c.id AS case_id, ${FIRST_ACTIVE_DATE} AS event_date FROM cases c WHERE ${ACTIVE_IN_PERIOD}`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['SEX', SEX_SQL],
      ['AGE_GROUP', AGE_GROUP_SQL],
      ['PHASE', CASE_PHASE_SQL],
    ],
  },
  {
    // The closure reason is not read: it is not a dimension (statistics' PUBLISHED_TABLES).
    measure: 'CASES_CLOSED',
    events: `SELECT c.id AS case_id, ${UTC_DATE('c.closed_at')} AS event_date FROM cases c WHERE ${IN_PERIOD('c.closed_at')}`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['SEX', SEX_SQL],
      ['AGE_GROUP', AGE_GROUP_SQL],
    ],
  },
  {
    // Needs of the caseload: each case active in the period once per distinct category, her first few only.
    measure: 'NEEDS',
    events: `SELECT c.id AS case_id, ${FIRST_ACTIVE_DATE} AS event_date, n.category
      FROM cases c
      CROSS JOIN LATERAL (
        SELECT u.need AS category FROM unnest(c.needs) WITH ORDINALITY AS u(need, i)
         GROUP BY u.need ORDER BY min(u.i) LIMIT ${NEEDS_CATEGORIES_PER_CASE}
      ) n
      WHERE ${ACTIVE_IN_PERIOD}`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['SEX', SEX_SQL],
      ['CATEGORY', NEED_CATEGORY_SQL],
    ],
  },
  {
    measure: 'REFERRALS_MADE',
    events: `SELECT DISTINCT ON (r.case_id) r.case_id, ${UTC_DATE('r.created_at')} AS event_date
      FROM referrals r WHERE ${IN_PERIOD('r.created_at')} ORDER BY r.case_id, r.created_at, r.id`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['SEX', SEX_SQL],
      ['AGE_GROUP', AGE_GROUP_SQL],
      ['CATEGORY', CATEGORY_SQL],
    ],
  },
  {
    measure: 'REFERRALS_COMPLETED',
    events: `SELECT DISTINCT ON (r.case_id) r.case_id, ${UTC_DATE('r.completed_at')} AS event_date
      FROM referrals r WHERE r.status = 'COMPLETED' AND ${IN_PERIOD('r.completed_at')}
      ORDER BY r.case_id, r.completed_at, r.id`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['SEX', SEX_SQL],
      ['AGE_GROUP', AGE_GROUP_SQL],
      ['CATEGORY', CATEGORY_SQL],
    ],
  },
  {
    measure: 'INCIDENTS',
    // Her age when it happened when the date is known, else when it was recorded.
    events: `SELECT DISTINCT ON (i.case_id) i.case_id,
        coalesce(i.occurred_from, ${UTC_DATE('i.recorded_at')}) AS event_date, i.phase, i.violence_type
      FROM incidents i WHERE ${IN_PERIOD('i.recorded_at')} ORDER BY i.case_id, i.recorded_at, i.id`,
    dims: [
      ['COUNTRY', COUNTRY_SQL],
      ['AGE_GROUP', AGE_GROUP_SQL],
      ['PHASE', INCIDENT_PHASE_SQL],
      ['VIOLENCE_TYPE', VIOLENCE_TYPE_SQL],
    ],
  },
];

/**
 * The de-identified counts of this subgraph for `period` — a month
 * 'YYYY-MM', a quarter 'YYYY-Qn' or a year 'YYYY', UTC: per measure, the
 * number of distinct cases (one case, one woman) per fine cell, each in one
 * cell only — her first event of the period (NEEDS: one cell per category,
 * at most {@link NEEDS_CATEGORIES_PER_CASE}). A quarter or a year is counted
 * over its whole span, never summed from months: the privacy unit is the
 * person. One GROUP BY query per measure.
 *
 * Only cases assisted in a country of the RCM region count: statistics'
 * COUNTRY code list has exactly those, and one code outside it fails the
 * whole release (the services extract does the same).
 */
export async function casesStatisticsExtract(db: Queryable, period: string): Promise<StatisticsExtract> {
  const { start, end } = periodBounds(period);
  const params = [start, end, RCM_COUNTRIES];
  const cells: ExtractCell[] = [];
  for (const query of MEASURE_QUERIES) {
    const columns = query.dims.map(([, sql], i) => `(${sql}) AS d${i}`).join(',\n  ');
    const groups = query.dims.map((_, i) => i + 1).join(', ');
    const rows = await db.query<Record<string, string | number>>(
      `WITH e AS (${query.events})
       SELECT ${columns}, count(*)::int AS count
         FROM e JOIN cases c ON c.id = e.case_id ${AGES_AT_EVENT_SQL}
        WHERE c.country_of_assistance = ANY ($3::text[])
        GROUP BY ${groups}
        ORDER BY ${groups}`,
      params,
    );
    for (const row of rows) {
      cells.push({
        measure: query.measure,
        dims: query.dims.map(([dimension], i) => ({ dimension, code: String(row[`d${i}`]) })),
        count: Number(row.count),
      });
    }
  }
  return { period, cells };
}

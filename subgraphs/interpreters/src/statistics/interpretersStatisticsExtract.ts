import { DEMO_LANGUAGES, periodBounds, RCM_COUNTRIES, type Queryable } from '@amparo/kit';

/** The measures this subgraph owns (statistics README, "Extract contract"); both broken down by COUNTRY and LANGUAGE. */
export const INTERPRETER_MEASURES = ['INTERPRETATION_FULFILLED', 'INTERPRETATION_UNMET'] as const;

export interface ExtractDimension {
  dimension: 'COUNTRY' | 'LANGUAGE';
  code: string;
}

export interface ExtractCell {
  measure: (typeof INTERPRETER_MEASURES)[number];
  dims: ExtractDimension[];
  count: number;
}

export interface StatisticsExtract {
  period: string;
  cells: ExtractCell[];
}

/** Code for a real value outside the code list (SDMX "other"). */
const OTHER = '_O';
/** Statistics' COUNTRY code list. */
const COUNTRY_CODES: readonly string[] = RCM_COUNTRIES;
// Statistics' LANGUAGE code list leaves Spanish out: it is the other side of nearly every session.
const LANGUAGE_CODES: readonly string[] = DEMO_LANGUAGES.filter((l) => l.code !== 'spa').map((l) => l.code);

/**
 * One woman, as far as this subgraph can tell: the case a caseworker asked
 * for, or the woman's own account when she asked herself. A caseworker's
 * request without a case cannot be linked to anyone and counts on its own.
 */
const PERSON = `COALESCE('c:' || r.case_id::text,
  CASE WHEN r.requested_by_role = 'migrant' THEN 'm:' || r.requested_by_sub END,
  'r:' || r.id::text)`;

/*
 * Each person contributes once per measure and period (the contribution cap
 * the statistics release assumes when an extract carries no person hash):
 * DISTINCT ON keeps her earliest record of the period — of the whole quarter
 * or year, not of each month — then GROUP BY turns the people into counts.
 * Only codes leave the query.
 */
const EXTRACT_SQL = `
WITH fulfilled AS (
  SELECT DISTINCT ON (person) country, language FROM (
    SELECT ${PERSON} AS person, r.country, r.language, r.created_at AS at, r.id
      FROM interpretation_requests r
      JOIN interpretation_bookings b ON b.request_id = r.id
     WHERE b.status IN ('CONFIRMED', 'COMPLETED')
       AND r.created_at >= $1::timestamptz AND r.created_at < $2::timestamptz
  ) f
  ORDER BY person, at, id
), unmet AS (
  SELECT DISTINCT ON (person) country, language FROM (
    SELECT ${PERSON} AS person, u.country, u.language, u.recorded_at AS at, r.id
      FROM unmet_interpretation_demand u
      JOIN interpretation_requests r ON r.id = u.request_id
     WHERE u.recorded_at >= $1::timestamptz AND u.recorded_at < $2::timestamptz
  ) u
  ORDER BY person, at, id
), people AS (
  SELECT 'INTERPRETATION_FULFILLED' AS measure, country, language FROM fulfilled
  UNION ALL
  SELECT 'INTERPRETATION_UNMET', country, language FROM unmet
)
SELECT measure,
       CASE WHEN country = ANY($3::text[]) THEN country ELSE '${OTHER}' END AS country_code,
       CASE WHEN language = ANY($4::text[]) THEN language ELSE '${OTHER}' END AS language_code,
       count(*)::int AS count
  FROM people
 GROUP BY 1, 2, 3
 ORDER BY 1, 2, 3`;

/**
 * The de-identified counts of one period — a month 'YYYY-MM', a quarter
 * 'YYYY-Qn' or a year 'YYYY', UTC — for the statistics pipeline: fulfilled
 * requests (a CONFIRMED or COMPLETED booking) by when the request was made,
 * unmet requests by when they were recorded as unmet, each per COUNTRY and
 * LANGUAGE code. Codes and counts only.
 */
export async function interpretersStatisticsExtract(db: Queryable, period: string): Promise<StatisticsExtract> {
  const { start: from, end: to } = periodBounds(period);
  const rows = await db.query<{
    measure: ExtractCell['measure'];
    country_code: string;
    language_code: string;
    count: number;
  }>(EXTRACT_SQL, [from, to, COUNTRY_CODES, LANGUAGE_CODES]);
  return {
    period,
    cells: rows.map((row) => ({
      measure: row.measure,
      dims: [
        { dimension: 'COUNTRY', code: row.country_code },
        { dimension: 'LANGUAGE', code: row.language_code },
      ],
      count: Number(row.count),
    })),
  };
}

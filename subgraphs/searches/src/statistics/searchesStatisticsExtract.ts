import type { Queryable } from '@amparo/kit';
import { periodBounds } from '@amparo/kit';
import { ageBandSql, COUNTRY_CODES, NATIONALITY_CODES, sexCodeSql } from './extractCodes.js';

export const SEARCH_MEASURES = ['SEARCHES_OPENED', 'SEARCHES_LOCATED_ALIVE', 'SEARCHES_LOCATED_DECEASED'] as const;
export type SearchMeasure = (typeof SEARCH_MEASURES)[number];

type SearchDimension = 'COUNTRY' | 'NATIONALITY' | 'SEX' | 'AGE_GROUP';

/**
 * The fine dimensions of each measure (statistics' PUBLISHED_TABLES), in
 * canonical order. Deaths carry no nationality: the most sensitive count gets
 * the fewest breakdowns.
 */
export const SEARCH_DIMENSIONS: Readonly<Record<SearchMeasure, readonly SearchDimension[]>> = {
  SEARCHES_OPENED: ['COUNTRY', 'NATIONALITY', 'SEX', 'AGE_GROUP'],
  SEARCHES_LOCATED_ALIVE: ['COUNTRY', 'NATIONALITY', 'SEX', 'AGE_GROUP'],
  SEARCHES_LOCATED_DECEASED: ['COUNTRY', 'SEX', 'AGE_GROUP'],
};

export interface ExtractDimension {
  readonly dimension: string;
  readonly code: string;
}

export interface ExtractCell {
  readonly measure: SearchMeasure;
  readonly dims: readonly ExtractDimension[];
  readonly count: number;
}

export interface StatisticsExtract {
  readonly period: string;
  readonly cells: readonly ExtractCell[];
}

interface CellRow {
  measure: SearchMeasure;
  country: string;
  nationality: string | null;
  sex: string;
  age_group: string;
  count: number;
}

const COLUMN: Readonly<Record<SearchDimension, Exclude<keyof CellRow, 'measure' | 'count'>>> = {
  COUNTRY: 'country',
  NATIONALITY: 'nationality',
  SEX: 'sex',
  AGE_GROUP: 'age_group',
};

// Age in whole years at the event: exact from a birth date; otherwise the
// family's range (stated when the search was opened) moved on by the years
// since. A range that straddles two bands is unknown rather than guessed.
const EVENT_DAY = `(e.event_at AT TIME ZONE 'UTC')::date`;
const YEARS_SINCE_OPENED = `date_part('year', age(${EVENT_DAY}, (s.opened_at AT TIME ZONE 'UTC')::date))`;
const AGE_LOW = `CASE WHEN s.birth_date IS NOT NULL THEN date_part('year', age(${EVENT_DAY}, s.birth_date))
  ELSE s.age_min + ${YEARS_SINCE_OPENED} END`;
const AGE_HIGH = `CASE WHEN s.birth_date IS NOT NULL THEN date_part('year', age(${EVENT_DAY}, s.birth_date))
  ELSE s.age_max + ${YEARS_SINCE_OPENED} END`;

/**
 * One query, grouped in SQL. Events of the period (month, quarter or year,
 * always counted over its whole span, never summed from months):
 * - SEARCHES_OPENED: searches opened in the period, one per search.
 * - SEARCHES_LOCATED_ALIVE: candidates confirmed in the period whose found
 *   record is of a living person, whatever she chose to share (a count, not
 *   her answer). One per search (its first confirmation), then one per found
 *   record, so two relatives' searches confirmed on the same record count
 *   her once.
 * - SEARCHES_LOCATED_DECEASED: confirmed identifications of a deceased
 *   person, counted when the organisation communicated the death to the
 *   family — never earlier, so no release says anything before she knows —
 *   one per search, then one per found record, like located alive.
 * Dimensions come from the search (the missing person as the family
 * described her), never from the found record: where she was found is what
 * she may have refused to share. COUNTRY is the first of the search's
 * countries involved that is in the COUNTRY code list (RCM members); a search
 * with none is left out, since that list has no unknown code.
 */
const EXTRACT_SQL = `
WITH located_per_search AS (
  SELECT DISTINCT ON (mc.search_request_id) mc.search_request_id, mc.found_person_record_id, mc.reviewed_at
    FROM match_candidates mc
    JOIN found_person_records f ON f.id = mc.found_person_record_id
   WHERE mc.review_status = 'CONFIRMED' AND f.vital_status = 'ALIVE'
     AND mc.reviewed_at >= $1::timestamptz AND mc.reviewed_at < $2::timestamptz
   ORDER BY mc.search_request_id, mc.reviewed_at, mc.id
), located AS (
  SELECT DISTINCT ON (found_person_record_id) search_request_id, reviewed_at
    FROM located_per_search
   ORDER BY found_person_record_id, reviewed_at, search_request_id
), deceased_per_search AS (
  SELECT DISTINCT ON (mc.search_request_id) mc.search_request_id, mc.found_person_record_id, mc.death_communicated_at
    FROM match_candidates mc
    JOIN found_person_records f ON f.id = mc.found_person_record_id
   WHERE mc.review_status = 'CONFIRMED' AND f.vital_status = 'DECEASED'
     AND mc.death_communicated_at >= $1::timestamptz AND mc.death_communicated_at < $2::timestamptz
   ORDER BY mc.search_request_id, mc.death_communicated_at, mc.id
), deceased AS (
  SELECT DISTINCT ON (found_person_record_id) search_request_id, death_communicated_at
    FROM deceased_per_search
   ORDER BY found_person_record_id, death_communicated_at, search_request_id
), events AS (
  SELECT 'SEARCHES_OPENED' AS measure, id AS search_request_id, opened_at AS event_at
    FROM search_requests
   WHERE opened_at >= $1::timestamptz AND opened_at < $2::timestamptz
  UNION ALL
  SELECT 'SEARCHES_LOCATED_ALIVE', search_request_id, reviewed_at FROM located
  UNION ALL
  SELECT 'SEARCHES_LOCATED_DECEASED', search_request_id, death_communicated_at FROM deceased
), coded AS (
  SELECT e.measure,
         (SELECT c FROM unnest(s.countries_involved) WITH ORDINALITY AS u(c, i)
           WHERE c = ANY($3::text[]) ORDER BY i LIMIT 1) AS country,
         CASE WHEN e.measure = 'SEARCHES_LOCATED_DECEASED' THEN NULL
           WHEN s.nationality IS NULL THEN '_U' WHEN s.nationality = ANY($4::text[]) THEN s.nationality ELSE '_O' END
           AS nationality,
         ${sexCodeSql('s.sex')} AS sex,
         ${ageBandSql('a.low')} AS band_low,
         ${ageBandSql('a.high')} AS band_high
    FROM events e
    JOIN search_requests s ON s.id = e.search_request_id
    CROSS JOIN LATERAL (SELECT ${AGE_LOW} AS low, ${AGE_HIGH} AS high) a
)
SELECT measure, country, nationality, sex,
       CASE WHEN band_low = band_high THEN band_low ELSE '_U' END AS age_group,
       count(*)::int AS count
  FROM coded
 WHERE country IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 1, 2, 3, 4, 5`;

/**
 * De-identified counts per fine cell for one period — a month 'YYYY-MM', a
 * quarter 'YYYY-Qn' or a year 'YYYY', UTC — for the statistics pipeline (issue 8, "Extracts, not raw data"): codes and counts
 * only, each search or located person at most once per measure; never a
 * migration status (searches store none).
 */
export async function searchesStatisticsExtract(db: Queryable, period: string): Promise<StatisticsExtract> {
  const { start, end } = periodBounds(period);
  const nationalities = NATIONALITY_CODES.filter((c) => !c.startsWith('_'));
  const rows = await db.query<CellRow>(EXTRACT_SQL, [start, end, COUNTRY_CODES, nationalities]);
  return {
    period,
    cells: rows.map((row) => ({
      measure: row.measure,
      dims: SEARCH_DIMENSIONS[row.measure].map((dimension) => ({
        dimension,
        code: String(row[COLUMN[dimension]]),
      })),
      count: row.count,
    })),
  };
}

import { periodBounds, RCM_COUNTRIES, type Queryable } from '@amparo/kit';
import { CODE_LABELS } from '../i18n/codeLabels.js';

/** One fine dimension of a cell: a code from the statistics subgraph's code lists. */
export interface ExtractDimension {
  readonly dimension: 'COUNTRY' | 'CATEGORY';
  readonly code: string;
}

/** One de-identified count: codes and a number, nothing else. */
export interface ExtractCell {
  readonly measure: 'SERVICES';
  readonly dims: readonly ExtractDimension[];
  readonly count: number;
}

/** What the statistics pipeline collects from this subgraph for one period (month, quarter or year). */
export interface StatisticsExtract {
  readonly period: string;
  readonly cells: readonly ExtractCell[];
}

/** Statuses that make a service part of the stock: it exists and can take women again (HSDS). */
export const STOCK_STATUSES = ['ACTIVE', 'TEMPORARILY_CLOSED'] as const;

const CATEGORIES = Object.keys(CODE_LABELS.CATEGORY ?? {});

/**
 * The SERVICES measure for `period` ('YYYY-MM', 'YYYY-Qn' or 'YYYY'): the
 * stock at the end of the period — services ACTIVE or TEMPORARILY_CLOSED
 * created before the period ended (a quarter's or a year's stock is its last
 * month's, never a sum) — per COUNTRY × CATEGORY (statistics' fine cell for
 * SERVICES). A service with several categories counts once in each of its
 * categories, so the cells sum to service-category pairs, not to services.
 *
 * Only countries of the RCM region are emitted: statistics' COUNTRY code list
 * has exactly those and no `_O`, and one code outside it makes the whole
 * release fail. Services elsewhere are outside the region's statistics.
 *
 * The catalogue keeps only the current status, so a past period is counted
 * with today's statuses (a service closed since then is left out).
 */
export async function servicesStatisticsExtract(db: Queryable, period: string): Promise<StatisticsExtract> {
  const { end } = periodBounds(period);
  const rows = await db.query<{ country: string; category: string; count: number }>(
    `SELECT s.country::text AS country, c.category, count(DISTINCT s.id)::int AS count
       FROM services s CROSS JOIN LATERAL unnest(s.categories) AS c (category)
      WHERE s.status = ANY ($1::text[])
        AND s.created_at < $2::timestamptz
        AND s.country::text = ANY ($3::text[])
        AND c.category = ANY ($4::text[])
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    [STOCK_STATUSES, end, RCM_COUNTRIES, CATEGORIES],
  );
  return {
    period,
    cells: rows.map((row) => ({
      measure: 'SERVICES',
      dims: [
        { dimension: 'COUNTRY', code: row.country },
        { dimension: 'CATEGORY', code: row.category },
      ],
      count: row.count,
    })),
  };
}

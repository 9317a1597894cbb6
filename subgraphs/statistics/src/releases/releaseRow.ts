import type { Dimension } from '../codes/dimensions.js';
import type { DisclosureMethod } from '../disclosure/disclosureMethod.js';
import type { Measure } from '../measures/measures.js';
import type { PeriodType } from './extract.js';

/** A row of `releases` as stored. */
export interface ReleaseRow {
  id: string;
  period: string;
  period_type: PeriodType;
  published_at: Date;
  replaces: string | null;
  method: DisclosureMethod;
  tables: Partial<Record<Measure, Dimension[][]>>;
}

export const RELEASE_COLUMNS = 'id, period, period_type, published_at, replaces, method, tables';

/** Maps a row to the GraphQL `StatisticsRelease` shape (`table` has its own resolver). */
export function toRelease(row: ReleaseRow) {
  const { method } = row;
  return {
    id: row.id,
    period: row.period,
    periodType: row.period_type,
    publishedAt: row.published_at.toISOString(),
    replaces: row.replaces,
    method: {
      ...method,
      noiseScale: method.noiseScale.numerator / method.noiseScale.denominator,
    },
    publishedTables: row.tables,
    tables: Object.entries(row.tables).flatMap(([measure, tables]) =>
      (tables ?? []).map((dimensions) => ({ measure: measure as Measure, dimensions })),
    ),
  };
}

export type StatisticsRelease = ReturnType<typeof toRelease>;

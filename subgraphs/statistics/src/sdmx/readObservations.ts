import type { Queryable } from '@amparo/kit';
import { TOTAL_CODE, type Dimension } from '../codes/dimensions.js';
import type { PeriodType } from '../releases/extract.js';
import type { StatisticsRelease } from '../releases/releaseRow.js';
import { releasesInForce } from '../series/releasesInForce.js';
import type { PeriodInterval } from '../series/timePeriod.js';
import { freqOf, periodTypeOfFreq, type Dataflow } from './dataflow.js';
import type { KeySelection } from './parseKey.js';

/** One published cell of one release, placed in a series: the codes of every key position, then its period. */
export interface Observation {
  /** One code per key dimension (FREQ first), `_T` for a total. */
  readonly key: readonly string[];
  readonly period: string;
  readonly releaseId: string;
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface ObservationQuery {
  readonly from: PeriodInterval | null;
  readonly to: PeriodInterval | null;
  readonly asOf: Date | null;
}

interface CellRow {
  release_id: string;
  codes: Partial<Record<Dimension, string>>;
  value: number | null;
  suppressed: boolean;
  lower: number | null;
  upper: number | null;
}

/**
 * The observations a data query selects, across the releases in force
 * (one per period, as the data stood at `asOf`). Only stored, protected
 * cells are read: an export is post-processing like any GraphQL query.
 */
export async function readObservations(
  db: Queryable,
  flow: Dataflow,
  selection: KeySelection,
  query: ObservationQuery,
): Promise<{ observations: Observation[]; releases: StatisticsRelease[] }> {
  const freq = selection[0];
  const periodTypes = (freq ? [...freq].map(periodTypeOfFreq) : ['MONTH', 'QUARTER', 'YEAR']) as PeriodType[];
  const releases = await releasesInForce(db, { measure: flow.measure, periodTypes, ...query });
  if (releases.length === 0) return { observations: [], releases };
  const rows = await db.query<CellRow>(
    `SELECT release_id, codes, value, suppressed, lower, upper FROM release_cells
     WHERE release_id = ANY($1::uuid[]) AND measure = $2 ORDER BY release_id, ordinal`,
    [releases.map((r) => r.id), flow.measure],
  );
  const byId = new Map(releases.map((r) => [r.id, r]));
  const dimensions = flow.keyDimensions.slice(1) as Dimension[];
  const observations: Observation[] = [];
  for (const row of rows) {
    const release = byId.get(row.release_id) as StatisticsRelease;
    const key = [freqOf(release.periodType), ...dimensions.map((d) => row.codes[d] ?? TOTAL_CODE)];
    if (!key.every((code, i) => selection[i]?.has(code) ?? true)) continue;
    observations.push({
      key,
      period: release.period,
      releaseId: release.id,
      value: row.value,
      suppressed: row.suppressed,
      lower: row.lower,
      upper: row.upper,
    });
  }
  return { observations, releases };
}

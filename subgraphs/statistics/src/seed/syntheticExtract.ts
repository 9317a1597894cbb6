import { DEMO_NATIONALITIES, DEMO_SIZES, RCM_COUNTRIES, SeededRandom } from '@amparo/kit';
import { codesOf } from '../codes/codeLists.js';
import type { Dimension } from '../codes/dimensions.js';
import type { Measure } from '../measures/measures.js';
import { PUBLISHED_TABLES } from '../measures/publishedTables.js';
import type { FineCell, PeriodExtract } from '../releases/extract.js';

type Weights = readonly (readonly [string, number])[];

const COUNTRY_WEIGHTS: Record<string, number> = {
  MX: 30,
  GT: 15,
  US: 12,
  HN: 8,
  CR: 6,
  PA: 7,
  SV: 5,
  NI: 4,
  CA: 3,
  DO: 3,
  BZ: 2,
};

/** Rough shapes of the flows, so demo tables look like the region (with small cells to suppress). */
const WEIGHTS: Readonly<Record<Dimension, Weights>> = {
  COUNTRY: RCM_COUNTRIES.map((c) => [c, COUNTRY_WEIGHTS[c] ?? 1] as const),
  NATIONALITY: [...DEMO_NATIONALITIES, ['_O', 2], ['_U', 2]],
  SEX: [
    ['F', 88],
    ['M', 6],
    ['_O', 3],
    ['_U', 3],
  ],
  AGE_GROUP: [
    ['Y_LT12', 6],
    ['Y12T17', 10],
    ['Y18T24', 22],
    ['Y25T34', 30],
    ['Y35T49', 22],
    ['Y50T59', 5],
    ['Y_GE60', 2],
    ['_U', 3],
  ],
  PHASE: [
    ['ORIGIN', 10],
    ['TRANSIT', 55],
    ['DESTINATION', 25],
    ['RETURN', 10],
  ],
  DISABILITY: [
    ['Y', 6],
    ['N', 80],
    ['_U', 14],
  ],
  INDIGENOUS_LANGUAGE: [
    ['Y', 22],
    ['N', 70],
    ['_U', 8],
  ],
  CATEGORY: codesOf('CATEGORY').map((c, i) => [c, 1 + ((i * 7) % 11)] as const),
  VIOLENCE_TYPE: [
    ['PHYSICAL', 25],
    ['SEXUAL', 18],
    ['PSYCHOLOGICAL', 22],
    ['ECONOMIC', 8],
    ['TRAFFICKING', 5],
    ['EXTORTION', 12],
    ['KIDNAPPING', 3],
    ['INSTITUTIONAL', 4],
    ['_O', 3],
  ],
  LANGUAGE: codesOf('LANGUAGE').map((c, i) => [c, 1 + ((i * 5) % 9)] as const),
};

/** Records per month at scale 1: people for person measures, services for SERVICES. */
const MONTHLY_VOLUME: Readonly<Record<Measure, number>> = {
  CASES_OPENED: 2500,
  // Open cases last about three months on average, so the caseload is about three months of openings.
  CASES_ACTIVE: 7500,
  CASES_CLOSED: 2300,
  // About 1.8 recorded needs per active case (at most three count).
  NEEDS: 13500,
  REFERRALS_MADE: 3000,
  REFERRALS_COMPLETED: 1800,
  INCIDENTS: 1200,
  INTERPRETATION_FULFILLED: 600,
  INTERPRETATION_UNMET: 150,
  SEARCHES_OPENED: 300,
  SEARCHES_LOCATED_ALIVE: 80,
  // Few, so most of its cells are suppressed, as they would be in reality.
  SEARCHES_LOCATED_DECEASED: 20,
  SERVICES: DEMO_SIZES.services,
};

/** Every dimension a measure's published tables use: the fine cells carry all of them. */
function fineDimensions(measure: Measure): Dimension[] {
  return [...new Set(PUBLISHED_TABLES[measure].flat())];
}

/** Synthetic records of one measure summed into fine cells, as an owning subgraph's extract would deliver them. */
function syntheticFineCells(random: SeededRandom, measure: Measure, records: number): FineCell[] {
  const dimensions = fineDimensions(measure);
  const cells = new Map<string, { codes: Partial<Record<Dimension, string>>; count: number }>();
  for (let i = 0; i < records; i++) {
    const codes: Partial<Record<Dimension, string>> = {};
    for (const d of dimensions) codes[d] = random.weighted(WEIGHTS[d]);
    const key = dimensions.map((d) => codes[d]).join('|');
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { codes, count: 1 });
  }
  return [...cells.values()];
}

/**
 * A deterministic synthetic extract for one month: the same month gives the
 * same counts on every machine. `variant` yields a different draw for the
 * same month (late records behind a correction).
 */
export function syntheticMonthExtract(month: string, scale = 1, variant = ''): PeriodExtract {
  const random = new SeededRandom(`statistics:${month}${variant}`);
  const measures: Partial<Record<Measure, FineCell[]>> = {};
  for (const [measure, volume] of Object.entries(MONTHLY_VOLUME) as [Measure, number][]) {
    // ±15 % from month to month, so a time series is not flat.
    const records = Math.max(1, Math.round(volume * scale * (0.85 + random.next() * 0.3)));
    measures[measure] = syntheticFineCells(random, measure, records);
  }
  return { period: month, periodType: 'MONTH', measures };
}

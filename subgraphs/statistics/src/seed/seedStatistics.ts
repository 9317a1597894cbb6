import { SeededRandom, demoId, type Database, type Queryable, type SeedOptions } from '@amparo/kit';
import { loadReleasePolicy } from '../config/statisticsConfig.js';
import { STOCK_MEASURES, type Measure } from '../measures/measures.js';
import { computeRelease } from '../releases/computeRelease.js';
import type { FineCell, PeriodExtract } from '../releases/extract.js';
import { storeRelease } from '../releases/storeRelease.js';
import { mergeExtracts } from './mergeExtracts.js';
import { syntheticMonthExtract } from './syntheticExtract.js';

/** Named in every seeded release's method, so nobody mistakes demo numbers for real ones. */
export const SYNTHETIC_SOURCE = 'synthetic demo extracts, not real data';
const MONTHS = 6;

interface SeededMonth {
  readonly extract: PeriodExtract;
  readonly year: number;
  readonly month0: number;
}

const monthCode = (year: number, month0: number) => `${year}-${String(month0 + 1).padStart(2, '0')}`;
const utc = (year: number, month0: number, day: number) => new Date(Date.UTC(year, month0, day, 9));

function lastCompleteMonths(now: Date, scale: number): SeededMonth[] {
  const months: SeededMonth[] = [];
  for (let back = MONTHS; back >= 1; back--) {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const [year, month0] = [first.getUTCFullYear(), first.getUTCMonth()];
    months.push({ extract: syntheticMonthExtract(monthCode(year, month0), scale), year, month0 });
  }
  return months;
}

/** Late records for a correction: flows only (a stock is not "late"). */
function lateRecords(month: PeriodExtract, scale: number): PeriodExtract {
  const late = syntheticMonthExtract(month.period, 0.05 * scale, ':late');
  const measures = Object.fromEntries(
    Object.entries(late.measures).filter(([measure]) => !STOCK_MEASURES.includes(measure as Measure)),
  ) as Partial<Record<Measure, FineCell[]>>;
  return { ...late, measures };
}

/**
 * Demo releases for the last six complete months, every complete quarter
 * among them, and one correction — each computed by the same
 * {@link computeRelease} (noise and suppression) the real pipeline will use,
 * from synthetic extracts. Counts and noise are both drawn from seeded
 * generators, so the demo store is the same on every machine (tests compare
 * federations); releases from real extracts draw their noise from
 * `crypto.randomInt`.
 */
export async function seedStatistics(db: Database, options: SeedOptions = {}): Promise<void> {
  const now = new Date();
  const scale = options.scale ?? 1;
  // The configured policy (STATISTICS_*), recorded in each release's method like a real release.
  const policy = loadReleasePolicy(process.env);
  const months = lastCompleteMonths(now, scale);
  let index = 0;
  const noise = new SeededRandom('statistics-demo-noise');
  const uniform = (bound: number) => noise.int(0, bound - 1);
  const publish = (tx: Queryable, extract: PeriodExtract, publishedAt: Date, replaces: string | null = null) =>
    storeRelease(tx, computeRelease(extract, policy, SYNTHETIC_SOURCE, uniform), {
      id: demoId('statistics-release', index++),
      publishedAt: publishedAt > now ? now : publishedAt,
      replaces,
    });

  await db.transaction(async (tx) => {
    const monthIds: string[] = [];
    for (const { extract, year, month0 } of months)
      monthIds.push(await publish(tx, extract, utc(year, month0 + 1, 10)));

    for (let i = 0; i + 2 < months.length; i++) {
      const { year, month0 } = months[i] as SeededMonth;
      if (month0 % 3 !== 0) continue;
      const quarter = months.slice(i, i + 3).map((m) => m.extract);
      await publish(tx, mergeExtracts(`${year}-Q${month0 / 3 + 1}`, 'QUARTER', quarter), utc(year, month0 + 3, 20));
    }

    // The oldest month is corrected once: late records arrived after publication.
    const oldest = months[0] as SeededMonth;
    const corrected = mergeExtracts(oldest.extract.period, 'MONTH', [
      oldest.extract,
      lateRecords(oldest.extract, scale),
    ]);
    await publish(tx, corrected, utc(oldest.year, oldest.month0 + 1, 25), monthIds[0] ?? null);
  });
  options.progress?.(`statistics: ${index} releases from synthetic extracts`);
}

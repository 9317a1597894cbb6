import { badUserInput, periodBounds, type Database } from '@amparo/kit';
import { loadReleasePolicy } from '../config/statisticsConfig.js';
import type { Measure } from '../measures/measures.js';
import { computeReleaseFromExtracts } from '../releases/computeReleaseFromExtracts.js';
import { isUuid } from '../releases/isUuid.js';
import type { StatisticsExtract } from '../releases/statisticsExtract.js';
import { storeRelease } from '../releases/storeRelease.js';
import { assertCorrectsReleaseInForce } from './assertCorrectsReleaseInForce.js';

/** The GraphQL input of `publishStatisticsRelease`, as the gateway's pipeline sends it. */
export interface PublishReleaseInput {
  period: string;
  replaces?: string | null;
  extracts: {
    period: string;
    cells: { measure: string; dims: { dimension: string; code: string }[]; count: number }[];
  }[];
}

/**
 * Computes and publishes one release from the owning subgraphs' extracts
 * (issue 8) for a month, a quarter or a year: the noise is drawn here, once;
 * only protected values are stored. A quarter's or a year's extracts are
 * counted by their owners over the whole period (each person once), never
 * summed from monthly releases. A malformed extract — a dimension outside the
 * fixed list, migration status above all — refuses the whole release; so does
 * a period already published, unless `replaces` names its release in force.
 */
export async function publishRelease(db: Database, input: PublishReleaseInput): Promise<string> {
  periodBounds(input.period, 'input.period');
  const replaces = input.replaces ?? null;
  if (replaces !== null && !isUuid(replaces)) throw badUserInput('input.replaces', 'must be the id of a release');
  if (input.extracts.length === 0) throw badUserInput('input.extracts', 'at least one extract is required');
  // A release of nothing would replace real figures with suppressed zeros.
  if (input.extracts.every((e) => e.cells.length === 0)) {
    throw badUserInput('input.extracts', 'the extracts hold no records for this period; nothing to publish');
  }
  const extracts: StatisticsExtract[] = input.extracts.map((extract, i) => {
    if (extract.period !== input.period) throw badUserInput(`input.extracts[${i}].period`, 'must equal input.period');
    return {
      period: extract.period,
      cells: extract.cells.map((cell) => ({
        measure: cell.measure as Measure,
        dims: Object.fromEntries(cell.dims.map((d) => [d.dimension, d.code])),
        count: cell.count,
      })),
    };
  });
  let release: ReturnType<typeof computeReleaseFromExtracts>;
  try {
    release = computeReleaseFromExtracts(extracts, loadReleasePolicy(process.env), 'extracts of the owning subgraphs');
  } catch (error) {
    // The invariant names the measure and rule broken, never a value of a person.
    const message = (error as Error).message.replace(/^invariant failed: /, '');
    throw badUserInput('input.extracts', `refused: ${message}`);
  }
  return db.transaction(async (tx) => {
    await assertCorrectsReleaseInForce(tx, input.period, replaces);
    return storeRelease(tx, release, { replaces });
  });
}

import { beforeAll, describe, expect, it } from 'vitest';
import { codesOf } from '../codes/codeLists.js';
import { TOTAL_CODE, type Dimension } from '../codes/dimensions.js';
import { PUBLISHED_TABLES, publishedDimensionSets } from '../measures/publishedTables.js';
import type { Measure } from '../measures/measures.js';
import { cellKey } from '../releases/cellKey.js';
import { computeReleaseFromExtracts } from '../releases/computeReleaseFromExtracts.js';
import type { ExtractCell, StatisticsExtract } from '../releases/statisticsExtract.js';
import { syntheticMonthExtract } from '../seed/syntheticExtract.js';
import { laplaceVariance } from './laplaceInterval.js';
import { DEFAULT_RELEASE_POLICY } from './releasePolicy.js';

const policy = DEFAULT_RELEASE_POLICY;
const RELEASES = 400;
const p = Math.exp(-policy.scale.denominator / policy.scale.numerator);
/**
 * The most probable value of a discrete Laplace variable (0) has mass
 * (1−p)/(1+p); a sum of independent noises, one of them discrete Laplace,
 * never puts more mass on any value. So no differencing estimate t + Σ±noise
 * can equal the true count t more often than this.
 */
const EXACT_BOUND = (1 - p) / (1 + p);

type Codes = Partial<Record<Dimension, string>>;

/** A known extract: interpretation demand with two planted small counts among large ones, synthetic searches and deaths. */
function knownExtract(): StatisticsExtract {
  const cells: ExtractCell[] = [];
  const languages = codesOf('LANGUAGE');
  for (const country of codesOf('COUNTRY')) {
    for (const language of languages) {
      let count = 12;
      if (country === 'BZ') count = language === languages[0] ? 4 : 0;
      if (language === languages[1]) count = country === 'BZ' ? 0 : country === 'MX' ? 3 : 0;
      cells.push({ measure: 'INTERPRETATION_UNMET', dims: { COUNTRY: country, LANGUAGE: language }, count });
    }
  }
  const month = syntheticMonthExtract('2026-01', 1).measures;
  // Deaths are few: nearly every cell is a small true count, the most sensitive a release holds.
  for (const measure of ['SEARCHES_OPENED', 'SEARCHES_LOCATED_DECEASED'] as const) {
    for (const fine of month[measure] ?? [])
      cells.push({ measure, dims: fine.codes as Record<string, string>, count: fine.count });
  }
  return { period: '2026-01', cells };
}

/** A way to estimate one target cell from published cells: the estimate, or null when a needed cell was suppressed. */
interface Route {
  readonly name: string;
  readonly target: number;
  readonly estimate: (published: ReadonlyMap<string, number | null>) => number | null;
}

function trueCount(extract: StatisticsExtract, measure: Measure, codes: Codes): number {
  return extract.cells
    .filter((c) => c.measure === measure && Object.entries(codes).every(([d, code]) => c.dims[d] === code))
    .reduce((sum, c) => sum + c.count, 0);
}

/**
 * Every differencing route to every small true count (1 … threshold−1):
 * two tables that differ by one filter value (their difference is the
 * cell itself), and a margin minus all the other cells of its row.
 */
function differencingRoutes(extract: StatisticsExtract, measure: Measure): Route[] {
  const id = (codes: Codes, dims: readonly Dimension[]) => `${measure}/${cellKey(codes, dims)}`;
  const routes: Route[] = [];
  for (const dims of publishedDimensionSets(PUBLISHED_TABLES[measure])) {
    let combos: Codes[] = [{}];
    for (const d of dims) combos = combos.flatMap((c) => codesOf(d).map((code) => ({ ...c, [d]: code })));
    for (const codes of combos) {
      const target = trueCount(extract, measure, codes);
      if (target <= 0 || target >= policy.threshold) continue;
      const self = id(codes, dims);
      routes.push({ name: `filter ${self}`, target, estimate: (published) => published.get(self) ?? null });
      for (const d of dims) {
        const rest = dims.filter((x) => x !== d);
        const margin = id({ ...codes, [d]: TOTAL_CODE }, rest);
        const others = codesOf(d)
          .filter((code) => code !== codes[d])
          .map((code) => id({ ...codes, [d]: code }, dims));
        routes.push({
          name: `${margin} minus its other ${d} cells`,
          target,
          estimate: (published) => {
            let estimate = published.get(margin) ?? null;
            for (const other of others) {
              const value = published.get(other) ?? null;
              if (estimate === null || value === null) return null;
              estimate -= value;
            }
            return estimate;
          },
        });
      }
    }
  }
  return routes;
}

describe('differencing attack', () => {
  const extract = knownExtract();
  const routes = (['INTERPRETATION_UNMET', 'SEARCHES_OPENED', 'SEARCHES_LOCATED_DECEASED'] as const).flatMap((m) =>
    differencingRoutes(extract, m),
  );
  const hits = routes.map(() => 0);
  const usable = routes.map(() => 0);
  const rowDifferences: number[] = [];
  // Many releases of the same extract, each with fresh noise, as an attacker watching corrections would see.
  beforeAll(() => {
    for (let r = 0; r < RELEASES; r++) {
      const release = computeReleaseFromExtracts([extract], policy, 'differencing test');
      const published = new Map(release.cells.map((c) => [`${c.measure}/${c.key}`, c.value]));
      routes.forEach((route, i) => {
        const estimate = route.estimate(published);
        if (estimate === null) return;
        usable[i]!++;
        if (estimate === route.target) hits[i]!++;
      });
      // Consistency of totals: the grand total against the sum of its large country cells (all but BZ).
      const total = published.get('INTERPRETATION_UNMET/');
      const large = codesOf('COUNTRY')
        .filter((c) => c !== 'BZ')
        .map((c) => published.get(`INTERPRETATION_UNMET/COUNTRY=${c}`));
      if (typeof total === 'number' && large.every((v) => typeof v === 'number')) {
        rowDifferences.push(total - large.reduce((a: number, b) => a + (b as number), 0));
      }
    }
  });

  it('finds attack routes to small true counts, and they work on numbers published without noise', () => {
    const usableRoutes = routes.filter((_, i) => usable[i]! > RELEASES / 2);
    expect(usableRoutes.length).toBeGreaterThanOrEqual(2);
    // Control: with exact counts (threshold only) each usable margin route recovers its target every time.
    const exact = new Map<string, number | null>();
    for (const measure of ['INTERPRETATION_UNMET', 'SEARCHES_OPENED', 'SEARCHES_LOCATED_DECEASED'] as const) {
      for (const dims of publishedDimensionSets(PUBLISHED_TABLES[measure])) {
        let combos: Codes[] = [{}];
        for (const d of dims) combos = combos.flatMap((c) => codesOf(d).map((code) => ({ ...c, [d]: code })));
        for (const codes of combos) {
          const t = trueCount(extract, measure, codes);
          exact.set(`${measure}/${cellKey(codes, dims)}`, t >= policy.threshold ? t : null);
        }
      }
    }
    const recovered = usableRoutes.filter((route) => route.estimate(exact) === route.target);
    expect(recovered.length).toBeGreaterThanOrEqual(2);
  });

  it('never recovers a small true count more often than the discrete Laplace allows', () => {
    routes.forEach((route, i) => {
      const frequency = hits[i]! / RELEASES;
      // Six standard errors over the bound: a correct release fails ~1 run in 10^9 per route.
      const slack = 6 * Math.sqrt((EXACT_BOUND * (1 - EXACT_BOUND)) / RELEASES);
      expect(frequency, route.name).toBeLessThanOrEqual(EXACT_BOUND + slack);
    });
    // Filtering to one more code shows the cell itself: published only at or above the threshold, never = t.
    routes.forEach((route, i) => {
      if (route.name.startsWith('filter')) expect(hits[i], route.name).toBe(0);
    });
  });

  it('keeps totals consistent: a margin and the sum of its cells differ only by unbiased noise', () => {
    expect(rowDifferences.length).toBeGreaterThan(RELEASES * 0.9);
    // Total − Σ large cells = true(BZ) + e_total − Σ e_cells: the noise averages out to 0, leaving BZ's 4.
    const mean =
      rowDifferences.reduce((a, b) => a + b, 0) / rowDifferences.length -
      trueCount(extract, 'INTERPRETATION_UNMET', { COUNTRY: 'BZ' });
    const sd = Math.sqrt(codesOf('COUNTRY').length * laplaceVariance(policy.scale));
    expect(Math.abs(mean)).toBeLessThan((6 * sd) / Math.sqrt(rowDifferences.length));
    const spread = Math.sqrt(rowDifferences.reduce((a, b) => a + (b - mean) ** 2, 0) / (rowDifferences.length - 1));
    expect(spread).toBeGreaterThan(sd * 0.7);
    expect(spread).toBeLessThan(sd * 1.3);
  });
});

import { NON_PERSON_MEASURES, recordsPerContribution, type Measure } from '../measures/measures.js';
import { publishedDimensionSets } from '../measures/publishedTables.js';
import type { Dimension } from '../codes/dimensions.js';
import { laplaceIntervalHalfWidth } from './laplaceInterval.js';
import type { ReleasePolicy } from './releasePolicy.js';

/** How a release was protected, stored with it and published as `StatisticsRelease.method`. */
export interface DisclosureMethod {
  readonly name: string;
  readonly noiseDistribution: 'DISCRETE_LAPLACE';
  /** τ of the discrete Laplace noise, as the exact rational the sampler used. */
  readonly noiseScale: { readonly numerator: number; readonly denominator: number };
  /** Privacy loss of the whole release for one person (pure ε-DP, basic composition). */
  readonly epsilon: number;
  readonly epsilonPerCell: number;
  /** Only for Gaussian noise (zCDP); null for Laplace. */
  readonly rho: null;
  readonly contributionCap: number;
  readonly threshold: number;
  readonly confidenceLevel: number;
  readonly intervalHalfWidth: number;
  readonly description: string;
}

/**
 * The method record of a release. ε is accounted honestly: one person can
 * move every published dimension set (tables and margins) of every person
 * measure by at most `contributionCap × recordsPerContribution(measure)` in
 * total (L1) — one cell by the cap for most measures, up to three cells of a
 * NEEDS set (or one margin cell by three) since a case counts once in each of
 * up to three need categories — and the losses of the sets add up.
 */
export function describeMethod(
  policy: ReleasePolicy,
  tables: Readonly<Partial<Record<Measure, readonly (readonly Dimension[])[]>>>,
  source: string,
): DisclosureMethod {
  const epsilonPerCell = policy.scale.denominator / policy.scale.numerator;
  // Sum over person measures of (published sets × records one contribution puts into each set).
  let setContributions = 0;
  for (const [measure, measureTables] of Object.entries(tables) as [Measure, readonly (readonly Dimension[])[]][]) {
    if (NON_PERSON_MEASURES.includes(measure)) continue;
    setContributions += publishedDimensionSets(measureTables).length * recordsPerContribution(measure);
  }
  const epsilon = Number((epsilonPerCell * setContributions * policy.contributionCap).toFixed(6));
  const needsNote =
    'NEEDS' in tables
      ? ` A case counts once in each of up to ${recordsPerContribution('NEEDS')} need categories, which the ` +
        'privacy loss accounts for.'
      : '';
  const halfWidth = laplaceIntervalHalfWidth(policy.scale, policy.confidenceLevel);
  const tau = policy.scale.numerator / policy.scale.denominator;
  const percent = Math.round(policy.confidenceLevel * 100);
  return {
    name: `Discrete Laplace noise with threshold suppression (${source})`,
    noiseDistribution: 'DISCRETE_LAPLACE',
    noiseScale: { numerator: policy.scale.numerator, denominator: policy.scale.denominator },
    epsilon,
    epsilonPerCell,
    rho: null,
    contributionCap: policy.contributionCap,
    threshold: policy.threshold,
    confidenceLevel: policy.confidenceLevel,
    intervalHalfWidth: halfWidth,
    description:
      `Computed from ${source}. Every published number, totals included, had random whole-number noise ` +
      `added once when the release was computed (discrete Laplace, scale ${tau}), so no single person changes ` +
      `what is published in a way anyone can detect. Numbers below ${policy.threshold} after noise are not ` +
      `shown (suppressed, SDMX CONF_STATUS C). Each shown number comes with a ${percent} % interval ` +
      `(±${halfWidth}) that contains the true count with at least that probability. Totals are published as ` +
      `their own noisy cells, so rows need not add up exactly to them. Each person counts at most ` +
      `${policy.contributionCap} time(s) per measure.${needsNote} The privacy loss of the whole release is ` +
      `ε = ${epsilon} (${epsilonPerCell} per cell). The release never changes; a correction is a new release.`,
  };
}

import type { Rational } from './discreteLaplace.js';

/** The disclosure-control parameters a release is computed with; recorded in the release. */
export interface ReleasePolicy {
  /** Discrete Laplace scale τ per published cell (per-cell ε = 1/τ). @default 3 */
  readonly scale: Rational;
  /** Noisy values below this are suppressed (SDMX CONF_STATUS C). @default 11 */
  readonly threshold: number;
  /** Coverage of each cell's uncertainty interval. @default 0.9 */
  readonly confidenceLevel: number;
  /**
   * Most records one person contributes to one measure in one period (NEEDS:
   * this times `recordsPerContribution`, one per need category); the owning
   * subgraph's extract enforces it, statistics too for rows with
   * `personKeyHash`. @default 1
   */
  readonly contributionCap: number;
}

export const DEFAULT_RELEASE_POLICY: ReleasePolicy = Object.freeze({
  scale: Object.freeze({ numerator: 3, denominator: 1 }),
  threshold: 11,
  confidenceLevel: 0.9,
  contributionCap: 1,
});

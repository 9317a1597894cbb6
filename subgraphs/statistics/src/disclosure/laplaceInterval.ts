import { invariant } from '@amparo/kit';
import type { Rational } from './discreteLaplace.js';

/**
 * Smallest k with P(|X| ≤ k) ≥ `confidenceLevel` for the discrete Laplace
 * noise X of scale τ, so [noisy − k, noisy + k] covers the true count with at
 * least that probability. With p = exp(−1/τ), P(|X| > k) = 2·p^(k+1)/(1+p).
 * Floating point is fine here: this is published metadata, not a sample.
 */
export function laplaceIntervalHalfWidth(scale: Rational, confidenceLevel: number): number {
  invariant(confidenceLevel > 0 && confidenceLevel < 1, 'confidence level in (0, 1)');
  const p = Math.exp(-scale.denominator / scale.numerator);
  let k = 0;
  while ((2 * p ** (k + 1)) / (1 + p) > 1 - confidenceLevel) k++;
  return k;
}

/** Variance of the discrete Laplace distribution of scale τ: 2p/(1−p)², p = exp(−1/τ). */
export function laplaceVariance(scale: Rational): number {
  const p = Math.exp(-scale.denominator / scale.numerator);
  return (2 * p) / (1 - p) ** 2;
}

import { invariant } from '@amparo/kit';
import { sampleDiscreteLaplace } from './discreteLaplace.js';
import type { ReleasePolicy } from './releasePolicy.js';
import { cryptoUniformInt, type UniformInt } from './uniformInt.js';

/** What is published for one cell. The true count is not part of it and is never stored. */
export interface ProtectedCount {
  /** Noisy count, or null when suppressed. */
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Disclosure control for one cell: discrete Laplace noise, clamped to a
 * non-negative integer, then threshold suppression of small noisy values.
 * Suppression looks only at the noisy value (post-processing), so it spends
 * no privacy budget and its pattern reveals nothing the noise does not.
 * Suppressed cells carry no interval: even a bound would narrow them.
 */
export function protectCount(
  trueCount: number,
  policy: ReleasePolicy,
  halfWidth: number,
  uniform: UniformInt = cryptoUniformInt,
): ProtectedCount {
  invariant(Number.isSafeInteger(trueCount) && trueCount >= 0, 'counts are non-negative integers');
  const noisy = Math.max(0, trueCount + sampleDiscreteLaplace(policy.scale, uniform));
  if (noisy < policy.threshold) return { value: null, suppressed: true, lower: null, upper: null };
  return { value: noisy, suppressed: false, lower: Math.max(0, noisy - halfWidth), upper: noisy + halfWidth };
}

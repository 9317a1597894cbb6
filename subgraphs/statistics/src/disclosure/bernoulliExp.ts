import { invariant } from '@amparo/kit';
import type { UniformInt } from './uniformInt.js';

/** Largest denominator `crypto.randomInt` accepts (its range must stay below 2^48). */
const MAX_DENOMINATOR = 2 ** 48 - 1;

/** Exact Bernoulli(numerator / denominator) from one uniform integer. */
export function sampleBernoulli(numerator: number, denominator: number, uniform: UniformInt): boolean {
  invariant(Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator), 'integer probability');
  invariant(numerator >= 0 && numerator <= denominator && denominator > 0, 'probability in [0, 1]');
  invariant(denominator <= MAX_DENOMINATOR, 'denominator below 2^48');
  return uniform(denominator) < numerator;
}

/**
 * Exact Bernoulli(exp(−numerator/denominator)) with integer arithmetic only:
 * Canonne, Kamath & Steinke (2020), "The Discrete Gaussian for Differential
 * Privacy", Algorithm 1. Floating-point exp() is never evaluated, so the
 * sampler has none of the rounding artefacts that break floating-point
 * Laplace noise (Mironov 2012).
 */
export function sampleBernoulliExp(numerator: number, denominator: number, uniform: UniformInt): boolean {
  invariant(Number.isSafeInteger(numerator) && numerator >= 0, 'γ numerator is a non-negative integer');
  invariant(Number.isSafeInteger(denominator) && denominator > 0, 'γ denominator is a positive integer');
  if (numerator <= denominator) {
    // γ ∈ [0, 1]: count how long Bernoulli(γ/k) keeps succeeding; exp(−γ) = P(the run stops at an odd k).
    let k = 1;
    while (sampleBernoulli(numerator, denominator * k, uniform)) k++;
    return k % 2 === 1;
  }
  // γ > 1: exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋)), each factor an independent trial.
  const whole = Math.floor(numerator / denominator);
  for (let i = 0; i < whole; i++) {
    if (!sampleBernoulliExp(1, 1, uniform)) return false;
  }
  return sampleBernoulliExp(numerator - whole * denominator, denominator, uniform);
}

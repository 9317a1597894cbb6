import { invariant } from '@amparo/kit';
import { sampleBernoulli, sampleBernoulliExp } from './bernoulliExp.js';
import { cryptoUniformInt, type UniformInt } from './uniformInt.js';

/** A positive rational as two integers, so no sampler step needs floating point. */
export interface Rational {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * One draw of the discrete Laplace distribution with scale τ = numerator/denominator:
 * P(X = x) ∝ exp(−|x|/τ) on the integers. Canonne, Kamath & Steinke (2020),
 * Algorithm 2 (a geometric variable built from exact Bernoulli(exp(−·)) trials,
 * with a random sign, rejecting the doubled zero). Adding it to a count with
 * sensitivity 1 gives (1/τ)-differential privacy for that count.
 */
export function sampleDiscreteLaplace(scale: Rational, uniform: UniformInt = cryptoUniformInt): number {
  const t = scale.numerator;
  const s = scale.denominator;
  invariant(Number.isSafeInteger(t) && Number.isSafeInteger(s) && t > 0 && s > 0, 'scale is a positive rational');
  for (;;) {
    const u = uniform(t);
    if (!sampleBernoulliExp(u, t, uniform)) continue;
    let v = 0;
    while (sampleBernoulliExp(1, 1, uniform)) v++;
    // X = u + t·v is geometric with parameter 1 − exp(−1/t); dividing by s rescales it to τ = t/s.
    const y = Math.floor((u + t * v) / s);
    const negative = sampleBernoulli(1, 2, uniform);
    if (negative && y === 0) continue;
    return negative ? -y : y;
  }
}

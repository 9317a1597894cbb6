import { describe, expect, it } from 'vitest';
import { sampleBernoulliExp } from './bernoulliExp.js';
import { sampleDiscreteLaplace, type Rational } from './discreteLaplace.js';
import { laplaceIntervalHalfWidth, laplaceVariance } from './laplaceInterval.js';
import { cryptoUniformInt } from './uniformInt.js';

// Tolerances are about six standard errors: a correct sampler fails ~1 run in 10^8.
const DRAWS = 20_000;

function draws(scale: Rational, n = DRAWS): number[] {
  return Array.from({ length: n }, () => sampleDiscreteLaplace(scale));
}

describe('exact Bernoulli(exp(−γ))', () => {
  for (const [numerator, denominator] of [
    [1, 3],
    [1, 1],
    [5, 2],
    [0, 7],
  ] as const) {
    it(`has frequency exp(−${numerator}/${denominator})`, () => {
      const expected = Math.exp(-numerator / denominator);
      let hits = 0;
      for (let i = 0; i < DRAWS; i++) if (sampleBernoulliExp(numerator, denominator, cryptoUniformInt)) hits++;
      const standardError = Math.sqrt((expected * (1 - expected)) / DRAWS);
      expect(Math.abs(hits / DRAWS - expected)).toBeLessThanOrEqual(6 * standardError + 1e-12);
    });
  }
});

describe('discrete Laplace sampler', () => {
  for (const scale of [
    { numerator: 3, denominator: 1 },
    { numerator: 5, denominator: 2 },
  ] as const) {
    const tau = scale.numerator / scale.denominator;
    const p = Math.exp(-1 / tau);
    const variance = laplaceVariance(scale);
    const sample = draws(scale);

    it(`τ=${tau}: returns integers only`, () => {
      expect(sample.every(Number.isSafeInteger)).toBe(true);
    });

    it(`τ=${tau}: has mean ≈ 0`, () => {
      const mean = sample.reduce((a, b) => a + b, 0) / DRAWS;
      expect(Math.abs(mean)).toBeLessThan(6 * Math.sqrt(variance / DRAWS));
    });

    it(`τ=${tau}: has variance ≈ 2p/(1−p)²`, () => {
      const mean = sample.reduce((a, b) => a + b, 0) / DRAWS;
      const observed = sample.reduce((a, b) => a + (b - mean) ** 2, 0) / (DRAWS - 1);
      // Fourth moment of a Laplace-like law is ≈ 6σ⁴, so Var(s²) ≈ 5σ⁴/n.
      expect(Math.abs(observed - variance)).toBeLessThan(6 * variance * Math.sqrt(5 / DRAWS));
    });

    it(`τ=${tau}: is symmetric`, () => {
      const positive = sample.filter((x) => x > 0).length;
      const negative = sample.filter((x) => x < 0).length;
      expect(Math.abs(positive - negative)).toBeLessThan(6 * Math.sqrt(positive + negative));
    });

    it(`τ=${tau}: puts (1−p)/(1+p) of its mass on 0 and p times less on each step away`, () => {
      for (const x of [0, 1, 2]) {
        const expected = ((1 - p) / (1 + p)) * p ** x * (x === 0 ? 1 : 2);
        const observed = sample.filter((v) => Math.abs(v) === x).length / DRAWS;
        expect(Math.abs(observed - expected)).toBeLessThan(6 * Math.sqrt((expected * (1 - expected)) / DRAWS));
      }
    });
  }
});

describe('uncertainty interval', () => {
  it('is the smallest half-width that covers the noise with the stated probability', () => {
    const scale = { numerator: 3, denominator: 1 };
    const k = laplaceIntervalHalfWidth(scale, 0.9);
    const p = Math.exp(-1 / 3);
    const outside = (j: number) => (2 * p ** (j + 1)) / (1 + p);
    expect(outside(k)).toBeLessThanOrEqual(0.1);
    expect(outside(k - 1)).toBeGreaterThan(0.1);
    const covered = draws(scale).filter((x) => Math.abs(x) <= k).length / DRAWS;
    expect(covered).toBeGreaterThanOrEqual(0.9 - 6 * Math.sqrt(0.09 / DRAWS));
  });
});

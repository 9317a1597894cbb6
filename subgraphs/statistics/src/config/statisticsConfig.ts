import { loadConfig } from '@amparo/kit';
import { z } from 'zod';
import type { Rational } from '../disclosure/discreteLaplace.js';
import type { ReleasePolicy } from '../disclosure/releasePolicy.js';

/** Largest denominator a decimal noise scale may need: six decimal places are plenty for τ. */
const MAX_SCALE_DECIMALS = 6;

/**
 * A positive rational written as "3", "2.5" or "5/2", kept exact: the sampler
 * works on integers, so τ must never pass through a float.
 */
export function parseRational(raw: string): Rational | null {
  const fraction = /^(\d{1,9})\/(\d{1,9})$/.exec(raw);
  const decimal = new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${MAX_SCALE_DECIMALS}}))?$`).exec(raw);
  let numerator: number;
  let denominator: number;
  if (fraction) {
    numerator = Number(fraction[1]);
    denominator = Number(fraction[2]);
  } else if (decimal) {
    const decimals = decimal[2] ?? '';
    denominator = 10 ** decimals.length;
    numerator = Number(decimal[1]) * denominator + Number(decimals || '0');
  } else return null;
  if (numerator <= 0 || denominator <= 0) return null;
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const integerIn = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `expected a whole number ${min}–${max}` })
    .int(`expected a whole number ${min}–${max}`)
    .min(min, `expected a whole number ${min}–${max}`)
    .max(max, `expected a whole number ${min}–${max}`)
    .default(fallback);

const SCALE_MESSAGE = 'expected a positive noise scale τ such as 3, 2.5 or 5/2 (at most 1000)';

const schema = z.object({
  STATISTICS_THRESHOLD: integerIn(1, 1000, 11),
  STATISTICS_NOISE_SCALE: z
    .string()
    .default('3')
    .transform((raw, ctx) => {
      const scale = parseRational(raw.trim());
      // τ ≤ 1000 keeps every sampler step well inside safe integers.
      if (scale && scale.numerator / scale.denominator <= 1000) return scale;
      ctx.addIssue({ code: 'custom', message: SCALE_MESSAGE });
      return z.NEVER;
    }),
  STATISTICS_CONTRIBUTION_CAP: integerIn(1, 100, 1),
  STATISTICS_CONFIDENCE_LEVEL: z.coerce
    .number({ message: 'expected a probability strictly between 0.5 and 1, e.g. 0.9' })
    .gt(0.5, 'expected a probability strictly between 0.5 and 1, e.g. 0.9')
    .lt(1, 'expected a probability strictly between 0.5 and 1, e.g. 0.9')
    .default(0.9),
});

/**
 * The disclosure-control policy from the environment (defaults: threshold
 * 11, τ = 3, one record per person and cell, 90 % intervals). A bad value
 * throws a ConfigError of one line naming the variable. Every release
 * records the policy it was computed with in its `method`.
 */
export function loadReleasePolicy(env: Record<string, string | undefined> = process.env): ReleasePolicy {
  const config = loadConfig(schema, env);
  return Object.freeze({
    scale: Object.freeze(config.STATISTICS_NOISE_SCALE),
    threshold: config.STATISTICS_THRESHOLD,
    confidenceLevel: config.STATISTICS_CONFIDENCE_LEVEL,
    contributionCap: config.STATISTICS_CONTRIBUTION_CAP,
  });
}

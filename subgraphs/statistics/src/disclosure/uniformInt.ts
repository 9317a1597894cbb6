import { randomInt } from 'node:crypto';

/**
 * A source of uniform integers in `[0, bound)`. The samplers take one as a
 * parameter so tests can count draws; production uses {@link cryptoUniformInt}.
 */
export type UniformInt = (bound: number) => number;

/** Node's CSPRNG (`crypto.randomInt` rejects modulo bias); `bound` must be below 2^48. */
export const cryptoUniformInt: UniformInt = (bound) => randomInt(bound);

import { describe, expect, it } from 'vitest';
import { laplaceIntervalHalfWidth } from './laplaceInterval.js';
import { protectCount } from './protectCount.js';
import { DEFAULT_RELEASE_POLICY } from './releasePolicy.js';

const policy = DEFAULT_RELEASE_POLICY;
const halfWidth = laplaceIntervalHalfWidth(policy.scale, policy.confidenceLevel);

describe('protectCount', () => {
  it('never publishes a value below the threshold, and suppressed cells carry nothing', () => {
    for (let trueCount = 0; trueCount < 40; trueCount++) {
      for (let i = 0; i < 50; i++) {
        const cell = protectCount(trueCount, policy, halfWidth);
        if (cell.suppressed) expect(cell).toEqual({ value: null, suppressed: true, lower: null, upper: null });
        else {
          expect(Number.isSafeInteger(cell.value)).toBe(true);
          expect(cell.value).toBeGreaterThanOrEqual(policy.threshold);
          expect(cell.lower).toBeGreaterThanOrEqual(0);
          expect(cell.lower).toBeLessThanOrEqual(cell.value as number);
          expect(cell.upper).toBe((cell.value as number) + halfWidth);
        }
      }
    }
  });

  it('suppresses a zero true count almost always', () => {
    const published = Array.from({ length: 2000 }, () => protectCount(0, policy, halfWidth)).filter(
      (c) => !c.suppressed,
    );
    // P(noise ≥ 11) at τ = 3 is ≈ 0.013.
    expect(published.length).toBeLessThan(60);
  });

  it('covers the true count with the stated confidence', () => {
    const trueCount = 80;
    const cells = Array.from({ length: 5000 }, () => protectCount(trueCount, policy, halfWidth));
    const covered = cells.filter((c) => (c.lower as number) <= trueCount && trueCount <= (c.upper as number)).length;
    expect(covered / cells.length).toBeGreaterThanOrEqual(policy.confidenceLevel - 6 * Math.sqrt(0.09 / 5000));
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(() => protectCount(-1, policy, halfWidth)).toThrow();
    expect(() => protectCount(2.5, policy, halfWidth)).toThrow();
  });
});

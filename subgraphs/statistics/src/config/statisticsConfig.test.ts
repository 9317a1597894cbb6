import { ConfigError } from '@amparo/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { statisticsSubgraph } from '../definition.js';
import { DEFAULT_RELEASE_POLICY } from '../disclosure/releasePolicy.js';
import { loadReleasePolicy, parseRational } from './statisticsConfig.js';

function failure(env: Record<string, string>): ConfigError {
  try {
    loadReleasePolicy(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('statistics configuration', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('defaults to the documented policy', () => {
    expect(loadReleasePolicy({})).toEqual(DEFAULT_RELEASE_POLICY);
  });

  it('reads every variable, keeping the noise scale an exact rational', () => {
    expect(
      loadReleasePolicy({
        STATISTICS_THRESHOLD: '20',
        STATISTICS_NOISE_SCALE: '2.5',
        STATISTICS_CONTRIBUTION_CAP: '2',
        STATISTICS_CONFIDENCE_LEVEL: '0.95',
      }),
    ).toEqual({ scale: { numerator: 5, denominator: 2 }, threshold: 20, contributionCap: 2, confidenceLevel: 0.95 });
    expect(parseRational('10/4')).toEqual({ numerator: 5, denominator: 2 });
    expect(parseRational('0')).toBeNull();
    expect(parseRational('-3')).toBeNull();
    expect(parseRational('1e3')).toBeNull();
  });

  it.each([
    ['STATISTICS_THRESHOLD', 'ten'],
    ['STATISTICS_THRESHOLD', '0'],
    ['STATISTICS_NOISE_SCALE', 'zero'],
    ['STATISTICS_NOISE_SCALE', '0'],
    ['STATISTICS_NOISE_SCALE', '5000'],
    ['STATISTICS_CONTRIBUTION_CAP', '1.5'],
    ['STATISTICS_CONFIDENCE_LEVEL', '1'],
    ['STATISTICS_CONFIDENCE_LEVEL', '0.2'],
  ])('refuses %s=%s in one line naming the variable', (variable, value) => {
    const error = failure({ [variable]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('is validated by the definition’s init hook, before the server listens', async () => {
    vi.stubEnv('STATISTICS_NOISE_SCALE', 'abc');
    const log = { info: () => undefined } as never;
    await expect(statisticsSubgraph.init?.({} as never, log, {} as never)).rejects.toThrow(/^STATISTICS_NOISE_SCALE: /);
    vi.stubEnv('STATISTICS_NOISE_SCALE', '4');
    await expect(statisticsSubgraph.init?.({} as never, log, {} as never)).resolves.toBeUndefined();
  });
});

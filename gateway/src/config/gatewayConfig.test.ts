import { describe, expect, it } from 'vitest';
import { ConfigError } from '@amparo/schema';
import { loadGatewayConfig } from './gatewayConfig.js';

const BASE = {
  AMPARO_MODE: 'development',
  AMPARO_DEV_ISSUER: 'true',
  INTERNAL_PRIVATE_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x' }),
};

describe('loadGatewayConfig: the findability sync', () => {
  it('runs every 300 s unless told otherwise; 0 disables', () => {
    expect(loadGatewayConfig(BASE).findabilitySync).toEqual({ intervalSeconds: 300 });
    expect(loadGatewayConfig({ ...BASE, FINDABILITY_SYNC_INTERVAL_SECONDS: '0' }).findabilitySync).toEqual({
      intervalSeconds: 0,
    });
  });

  it.each(['-1', '1.5', 'often', '86401'])('stops start-up on FINDABILITY_SYNC_INTERVAL_SECONDS=%s', (value) => {
    const env = { ...BASE, FINDABILITY_SYNC_INTERVAL_SECONDS: value };
    expect(() => loadGatewayConfig(env)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(env)).toThrow(/^FINDABILITY_SYNC_INTERVAL_SECONDS: /);
  });
});

describe('loadGatewayConfig: the statistics schedule', () => {
  it('checks hourly and waits five days after a period closes unless told otherwise; 0 disables', () => {
    expect(loadGatewayConfig(BASE).statisticsSchedule).toEqual({ intervalSeconds: 3600, graceDays: 5 });
    const custom = loadGatewayConfig({ ...BASE, STATS_SCHEDULE_INTERVAL_SECONDS: '0', STATS_PUBLISH_GRACE_DAYS: '0' });
    expect(custom.statisticsSchedule).toEqual({ intervalSeconds: 0, graceDays: 0 });
    expect(Object.isFrozen(custom.statisticsSchedule)).toBe(true);
  });

  it.each([
    ['STATS_SCHEDULE_INTERVAL_SECONDS', 'hourly'],
    ['STATS_SCHEDULE_INTERVAL_SECONDS', '-1'],
    ['STATS_SCHEDULE_INTERVAL_SECONDS', '1.5'],
    ['STATS_SCHEDULE_INTERVAL_SECONDS', '9999999'],
    ['STATS_PUBLISH_GRACE_DAYS', 'five'],
    ['STATS_PUBLISH_GRACE_DAYS', '400'],
  ])('stops start-up on %s=%s with one line naming the variable', (variable, value) => {
    expect(() => loadGatewayConfig({ ...BASE, [variable]: value })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...BASE, [variable]: value })).toThrow(new RegExp(`^${variable}: `));
  });
});

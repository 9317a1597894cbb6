import { describe, expect, it } from 'vitest';
import { defaultPoolSize } from '../db/defaultPoolSize.js';
import { loadSubgraphConfig } from './subgraphConfig.js';

describe('loadSubgraphConfig: DATABASE_POOL_SIZE', () => {
  it('is left to the default when unset', () => {
    expect(loadSubgraphConfig('services', 4001, {}).databasePoolSize).toBeUndefined();
  });

  it('reads a number of connections', () => {
    expect(loadSubgraphConfig('services', 4001, { DATABASE_POOL_SIZE: '8' }).databasePoolSize).toBe(8);
  });

  it.each(['0', '2.5', 'many', '101'])('refuses %j, naming the variable and the value', (value) => {
    expect(() => loadSubgraphConfig('services', 4001, { DATABASE_POOL_SIZE: value })).toThrow(
      `DATABASE_POOL_SIZE: expected a number of connections 1–100 (got ${JSON.stringify(value)})`,
    );
  });
});

describe('defaultPoolSize', () => {
  it('is twice the cores plus one', () => {
    expect(defaultPoolSize(2)).toBe(5);
    expect(defaultPoolSize(8)).toBe(17);
  });
});

describe('loadSubgraphConfig: <NAME>_PORT', () => {
  it.each(['-1', '65536', '80.5', 'http'])('refuses %j, naming the variable and the value', (value) => {
    expect(() => loadSubgraphConfig('services', 4001, { SERVICES_PORT: value })).toThrow(
      `SERVICES_PORT: expected a port number 0–65535 (got ${JSON.stringify(value)})`,
    );
  });

  it('falls back to the default port, and takes 0 for a free one', () => {
    expect(loadSubgraphConfig('services', 4001, {}).port).toBe(4001);
    expect(loadSubgraphConfig('services', 4001, { SERVICES_PORT: '0' }).port).toBe(0);
  });
});

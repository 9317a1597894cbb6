import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import type { JWK } from 'jose';
import {
  booleanFlag,
  integerBetween,
  jsonWebKey,
  loadConfig,
  logLevel,
  port,
  postgresUrl,
  runMode,
} from '@amparo/schema';

/** Where the embedded store keeps its data unless AMPARO_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../.amparo/data', import.meta.url));

export interface SubgraphConfig {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** PostgreSQL when set; otherwise PGlite in {@link dataDir}. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL connections; undefined leaves it to defaultPoolSize() (twice the cores plus one). */
  readonly databasePoolSize: number | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly seedOnEmpty: boolean;
  /** Verifies the gateway's internal tokens; required to serve, not to seed. */
  readonly internalPublicKey: JWK | undefined;
  readonly mode: 'development' | 'production' | 'test';
}

/**
 * Reads one subgraph's configuration from the environment:
 * `<NAME>_PORT`, `AMPARO_HOST`, `<NAME>_DATABASE_URL` or `DATABASE_URL`,
 * `DATABASE_POOL_SIZE`, `AMPARO_DATA_DIR`, `LOG_LEVEL`, `AMPARO_SEED_ON_EMPTY`,
 * `INTERNAL_PUBLIC_KEY`, `AMPARO_MODE`.
 */
export function loadSubgraphConfig(name: string, defaultPort: number, env = process.env): SubgraphConfig {
  const prefix = name.toUpperCase();
  const schema = z.object({
    [`${prefix}_PORT`]: port(defaultPort),
    AMPARO_HOST: z.string().min(1).default('127.0.0.1'),
    [`${prefix}_DATABASE_URL`]: postgresUrl,
    DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: integerBetween(1, 100, 'expected a number of connections 1–100').optional(),
    AMPARO_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
    LOG_LEVEL: logLevel,
    AMPARO_SEED_ON_EMPTY: booleanFlag(false),
    INTERNAL_PUBLIC_KEY: jsonWebKey.optional(),
    AMPARO_MODE: runMode,
  });
  const c = loadConfig(schema, env) as Record<string, unknown>;
  return Object.freeze({
    name,
    host: c.AMPARO_HOST as string,
    port: c[`${prefix}_PORT`] as number,
    databaseUrl: (c[`${prefix}_DATABASE_URL`] ?? c.DATABASE_URL) as string | undefined,
    databasePoolSize: c.DATABASE_POOL_SIZE as number | undefined,
    dataDir: join(c.AMPARO_DATA_DIR as string, name),
    logLevel: c.LOG_LEVEL as string,
    seedOnEmpty: c.AMPARO_SEED_ON_EMPTY as boolean,
    internalPublicKey: c.INTERNAL_PUBLIC_KEY as JWK | undefined,
    mode: c.AMPARO_MODE as SubgraphConfig['mode'],
  });
}

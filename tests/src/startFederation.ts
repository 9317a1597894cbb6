import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, loadGatewayConfig, mintDevToken, type RunningGateway } from '@amparo/gateway';
import {
  createLogger,
  createTestDatabase,
  loadSubgraphConfig,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@amparo/kit';
import { generateInternalKeyPair, readSupergraph, type InternalKeyPair, type Role } from '@amparo/schema';
import { casesSubgraph } from '@amparo/subgraph-cases';
import { interpretersSubgraph } from '@amparo/subgraph-interpreters';
import { searchesSubgraph } from '@amparo/subgraph-searches';
import { servicesSubgraph } from '@amparo/subgraph-services';
import { statisticsSubgraph } from '@amparo/subgraph-statistics';

export const ALL_SUBGRAPHS: readonly SubgraphDefinition<never>[] = [
  servicesSubgraph,
  casesSubgraph,
  interpretersSubgraph,
  searchesSubgraph,
  statisticsSubgraph,
] as unknown as SubgraphDefinition<never>[];

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

export interface Federation {
  readonly gateway: RunningGateway;
  /** The gateway's internal signing key pair (to forge, expire and replay in F3 tests). */
  readonly internalKeys: InternalKeyPair;
  readonly subgraphs: ReadonlyMap<string, RunningSubgraph>;
  /** A dev-issuer token the gateway accepts. */
  tokenFor(
    role: Role,
    options?: { org?: string; orgKind?: string; sub?: string; ttlSeconds?: number; client?: string },
  ): Promise<string>;
  /** POSTs one operation to the gateway. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The whole federation for end-to-end tests: five subgraphs and the gateway,
 * on ephemeral ports, over real HTTP, with the real internal signatures and
 * real JWT verification (dev issuer). Stores: PGlite in memory, or — when
 * DATABASE_URL is set — a throwaway PostgreSQL database for this federation.
 */
export interface FederationOptions {
  /** Demo volume multiplier. @default 0.2 */
  readonly seedScale?: number;
  /** Start only these subgraphs. */
  readonly subgraphs?: readonly string[];
  /** Subgraphs to leave empty (migrated, not seeded). */
  readonly unseeded?: readonly string[];
  /** Extra gateway environment (e.g. TRUSTED_DOCUMENTS_PATH). */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
}

export async function startFederation(options: FederationOptions = {}): Promise<Federation> {
  const keys = await generateInternalKeyPair();
  const database = await createTestDatabase();
  const stateDir = mkdtempSync(join(tmpdir(), 'amparo-test-'));
  const subgraphs = new Map<string, RunningSubgraph>();
  try {
    const wanted = ALL_SUBGRAPHS.filter((d) => !options.subgraphs || options.subgraphs.includes(d.name));
    await Promise.all(
      wanted.map(async (definition) => {
        const config = {
          ...loadSubgraphConfig(definition.name, 0, {
            INTERNAL_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
            [`${definition.name.toUpperCase()}_PORT`]: '0',
            LOG_LEVEL: 'silent',
            AMPARO_MODE: 'test',
          }),
          databaseUrl: database.url,
          dataDir: 'memory://',
          seedOnEmpty: !options.unseeded?.includes(definition.name),
        };
        const running = await startSubgraph(definition, {
          config,
          seedScale: options.seedScale ?? 0.2,
          log: createLogger(definition.name, 'silent'),
        });
        subgraphs.set(definition.name, running);
      }),
    );
    const urls = Object.fromEntries([...subgraphs.values()].map((s) => [`${s.name.toUpperCase()}_URL`, s.url]));
    const config = loadGatewayConfig({
      ...urls,
      GATEWAY_PORT: '0',
      INTERNAL_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
      AMPARO_DEV_ISSUER: 'true',
      AMPARO_MODE: 'test',
      AMPARO_STATE_DIR: stateDir,
      LOG_LEVEL: 'silent',
      LIMIT_RATE_PER_MINUTE: '100000',
      ...options.gatewayEnv,
    });
    const gateway = await createGateway(config, readSupergraph());
    return {
      gateway,
      internalKeys: keys,
      subgraphs,
      tokenFor: (role, o = {}) =>
        mintDevToken(stateDir, {
          role,
          org: o.org,
          orgKind: o.orgKind,
          sub: o.sub,
          ttlSeconds: o.ttlSeconds,
          client: o.client,
        }),
      async query(query, variables, o = {}) {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
            ...o.headers,
          },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, headers: response.headers, body: (await response.json()) as never };
      },
      async close() {
        await gateway.close();
        await Promise.all([...subgraphs.values()].map((s) => s.close()));
        await database.drop();
        rmSync(stateDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all([...subgraphs.values()].map((s) => s.close().catch(() => undefined)));
    await database.drop().catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
    throw error;
  }
}

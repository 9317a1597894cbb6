import {
  INTERNAL_TOKEN_HEADER,
  createInternalSigner,
  generateInternalKeyPair,
  scopesForRole,
  type Principal,
  type Role,
  type SystemJob,
} from '@amparo/schema';
import { loadSubgraphConfig } from '../config/subgraphConfig.js';
import type { SubgraphDefinition } from '../server/SubgraphDefinition.js';
import { startSubgraph, type RunningSubgraph } from '../server/startSubgraph.js';
import { createTestDatabase } from './testDatabase.js';

export interface TestSubgraph extends RunningSubgraph {
  /** Sends one GraphQL request as `principal`, signed like the gateway signs it. */
  request<T = Record<string, unknown>>(
    principal: Principal,
    query: string,
    variables?: Record<string, unknown>,
    /** Sign as one of the gateway's own jobs (adds that job's scopes). */
    options?: { system?: SystemJob },
  ): Promise<{
    status: number;
    body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }>;
}

/** A principal for tests: `principalFor('caseworker', orgId)`. */
export function principalFor(
  role: Role,
  org: string | null = null,
  sub = `test-${role}`,
  orgKind: string | null = null,
): Principal {
  return { sub, role, org, orgKind, scopes: scopesForRole(role) };
}

/**
 * Starts one subgraph on a free port, migrated and optionally seeded: on
 * PGlite in memory, or — when `DATABASE_URL` is set — on PostgreSQL, in a
 * throwaway database of its own that `close()` drops.
 */
export async function startTestSubgraph<L>(
  definition: SubgraphDefinition<L>,
  options: { seed?: boolean; seedScale?: number } = {},
): Promise<TestSubgraph> {
  const keys = await generateInternalKeyPair();
  const database = await createTestDatabase();
  const base = loadSubgraphConfig(definition.name, 0, {
    INTERNAL_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
    [`${definition.name.toUpperCase()}_PORT`]: '0',
    LOG_LEVEL: 'silent',
    AMPARO_MODE: 'test',
  });
  const config = {
    ...base,
    databaseUrl: database.url,
    dataDir: 'memory://',
    seedOnEmpty: options.seed ?? false,
  };
  const running = await startSubgraph(definition, { config, seedScale: options.seedScale ?? 1 }).catch(
    async (error) => {
      await database.drop();
      throw error;
    },
  );
  const sign = await createInternalSigner(keys.privateJwk);
  return {
    ...running,
    async close() {
      await running.close();
      await database.drop();
    },
    async request(principal, query, variables, requestOptions) {
      const body = JSON.stringify({ query, variables });
      const token = await sign(
        {
          principal,
          requestId: 'test',
          operationName: null,
          operationHash: null,
          ...(requestOptions?.system ? { system: requestOptions.system } : {}),
        },
        definition.name,
        body,
      );
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
        body,
      });
      return { status: response.status, body: (await response.json()) as never };
    },
  };
}

import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { parse, type GraphQLError } from 'graphql';
import mercurius from 'mercurius';
import {
  INTERNAL_TOKEN_HEADER,
  ReplayGuard,
  createInternalVerifier,
  type VerifiedInternalClaims,
} from '@amparo/schema';
import type { JWK } from 'jose';
import { AuditCollector } from '../audit/AuditCollector.js';
import { createAuditAppender } from '../audit/createAuditAppender.js';
import type { Database } from '../db/Database.js';
import { enforceFieldAuthorization } from '../auth/fieldAuthorization.js';
import { toSafeGraphQLError } from '../errors/formatError.js';
import type { Logger } from '../log/createLogger.js';
import type { SubgraphContext } from './SubgraphContext.js';

export interface SubgraphServerOptions<Loaders> {
  readonly name: string;
  /** Path of the subgraph's `schema.graphql`. */
  readonly sdlPath: string;
  readonly resolvers: GraphQLResolverMap<SubgraphContext<Loaders>>;
  /** Builds the per-request DataLoaders. */
  readonly createLoaders: (db: Database, claims: VerifiedInternalClaims) => Loaders;
  readonly db: Database;
  readonly log: Logger;
  /** Public key of the gateway's internal signing key. */
  readonly internalPublicKey: JWK;
  /** Extra HTTP routes (exports, health details) registered on the same server. */
  readonly routes?: (app: FastifyInstance) => void | Promise<void>;
  /** Largest accepted body. @default 1 MiB */
  readonly bodyLimit?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    internalClaims?: VerifiedInternalClaims;
  }
}

const UNAUTHORIZED = { errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] };

/** The one route that answers GraphQL, and the only one that needs the gateway's signature. */
const GRAPHQL_PATH = '/graphql';

/** A GraphQL request reached execution without verified claims: refused, never run as anyone. */
class UnverifiedRequestError extends Error {
  override readonly name = 'UnverifiedRequestError';
  readonly statusCode = 401;
  constructor() {
    super('Unauthorized');
  }
}

/**
 * A subgraph: its SDL built with `buildSubgraphSchema`, served by Mercurius
 * on Fastify. Every GraphQL request (including `_service` and `_entities`)
 * must carry a fresh internal token signed by the gateway for this subgraph
 * and this exact body (F3); anything else gets 401 and no execution.
 */
export async function createSubgraphServer<Loaders>(options: SubgraphServerOptions<Loaders>): Promise<FastifyInstance> {
  const { db, log, name } = options;
  const typeDefs = parse(readFileSync(options.sdlPath, 'utf8'));
  const schema = enforceFieldAuthorization(buildSubgraphSchema([{ typeDefs, resolvers: options.resolvers as never }]));
  const verify = await createInternalVerifier(options.internalPublicKey, name);
  const replays = new ReplayGuard();
  const appendReadEvents = createAuditAppender(db, name);

  // Fastify types its instance by logger class; ours is plain pino, so widen it once here.
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    // PGlite runs on this thread: while a sibling subgraph seeds, plugin start-up can wait its turn.
    pluginTimeout: 120_000,
    // Request lines would carry URLs with query strings; we log what we choose instead.
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('malformed JSON body'), { statusCode: 400 }), undefined);
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    // By the route Fastify matched, never by the URL as sent: a percent-encoded path (`/%67raphql`)
    // reaches the same route and must meet the same check.
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    if (request.method !== 'POST') return reply.code(405).header('allow', 'POST').send(UNAUTHORIZED);
    try {
      const header = request.headers[INTERNAL_TOKEN_HEADER];
      const claims = await verify(typeof header === 'string' ? header : undefined, request.rawBody ?? '');
      if (!replays.claim(claims.tokenId, claims.expiresAt)) throw new Error('replayed internal token');
      request.internalClaims = claims;
    } catch (error) {
      log.warn(
        // The route, not the URL: a query string is the sender's and could carry anything.
        { reason: (error as Error).message, route: request.routeOptions.url },
        'refused request without a valid internal token',
      );
      return reply.code(401).send(UNAUTHORIZED);
    }
  });

  await app.register(mercurius, {
    schema,
    path: GRAPHQL_PATH,
    graphiql: false,
    allowBatchedQueries: false,
    context: (request: FastifyRequest): SubgraphContext<Loaders> => {
      const claims = request.internalClaims;
      // The hook above sets them for every request this route takes; without them nothing runs.
      if (!claims) throw new UnverifiedRequestError();
      return {
        principal: claims.principal,
        requestId: claims.requestId,
        operationName: claims.operationName,
        operationHash: claims.operationHash,
        purpose: claims.purpose ?? null,
        db,
        log,
        loaders: options.createLoaders(db, claims),
        audit: new AuditCollector(),
      };
    },
    errorFormatter: (execution) => {
      // Mercurius wraps validation failures in one error whose `errors` holds the real ones.
      const errors = (execution.errors as GraphQLError[]).flatMap((error) => {
        const inner = (error.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
        return Array.isArray(inner) && inner.length > 0 ? inner : [error];
      });
      for (const error of errors) {
        const original = error.originalError;
        if (original && original.name !== 'AmparoError' && original.name !== 'GraphQLError') {
          // Name and message only: a stack or SQL text may carry values.
          log.error({ err: { name: original.name, code: (original as { code?: string }).code } }, 'resolver failed');
        }
      }
      return { statusCode: 200, response: { data: execution.data ?? null, errors: errors.map(toSafeGraphQLError) } };
    },
  });

  // F6: no firewalled value leaves unless its read is on the trail; a failed append fails the request.
  app.graphql.addHook('onResolution', async (_execution, context) => {
    const ctx = context as unknown as SubgraphContext<Loaders>;
    if (!ctx.audit || ctx.audit.isEmpty) return;
    await appendReadEvents(ctx.audit.toEvents(ctx));
  });

  app.get('/health', async () => ({ status: 'ok', subgraph: name }));
  app.get('/ready', async (_request, reply) => {
    try {
      await db.ping();
      return { status: 'ready', subgraph: name, store: db.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', subgraph: name });
    }
  });
  if (options.routes) await options.routes(app);
  return app;
}

import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { createInternalSigner, SUBGRAPHS } from '@amparo/schema';
import { pino, type Logger } from 'pino';
import { createAuthenticator, remoteIssuer, type TrustedIssuer } from '../auth/authenticate.js';
import { devIssuer } from '../auth/devIssuer.js';
import { createOrganizationKindResolver } from '../auth/organizationKinds.js';
import type { GatewayConfig } from '../config/gatewayConfig.js';
import { SignedDataSource } from '../datasource/SignedDataSource.js';
import { errorBody } from '../errors/formatGatewayError.js';
import { loadFederatedSchema } from '../execution/FederatedSchema.js';
import { createFirewall } from '../firewall/createFirewall.js';
import { RateLimiter } from '../limits/rateLimiter.js';
import { createGatewayMetrics } from '../metrics/gatewayMetrics.js';
import { TrustedDocuments } from '../trusted/trustedDocuments.js';
import { createImmutableOperations } from '../immutable/immutableOperations.js';
import { createGraphQLHandler } from './handleGraphQL.js';
import { registerExportProxies } from './proxyExports.js';
import { PURPOSE_HEADER } from './requestPurpose.js';

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The gateway: Amparo's own HTTP front (Fastify) that authenticates, limits
 * and applies the firewall before anything is planned, then Apollo's query
 * planner on the static supergraph and a plan executor of ours
 * (`execution/`) that signs every subgraph fetch.
 */
export interface GatewayOptions {
  /** Subgraph URLs by name, for supergraphs other than Amparo's own (benchmarks). */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /**
   * Per-role projection and validation before planning. Only a benchmark
   * baseline turns it off, and never in production mode. @default true
   */
  readonly enforceFirewall?: boolean;
}

export async function createGateway(
  config: GatewayConfig,
  supergraphSdl: string,
  log: Logger = pino({ name: 'gateway', level: config.logLevel }),
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const enforceFirewall = options.enforceFirewall ?? true;
  if (!enforceFirewall && config.mode === 'production') {
    throw new Error('invariant failed: the firewall cannot be turned off in production mode');
  }
  const subgraphUrls: Readonly<Record<string, string>> = options.subgraphUrls ?? config.subgraphUrls;
  const sign = await createInternalSigner(config.internalPrivateKey);
  const metrics = createGatewayMetrics();
  const schema = loadFederatedSchema(supergraphSdl);
  const dataSources = new Map<string, SignedDataSource>();
  for (const name of schema.subgraphNames) {
    const url = subgraphUrls[name];
    if (!url) throw new Error(`invariant failed: no URL configured for subgraph ${name}`);
    dataSources.set(
      name,
      new SignedDataSource(
        name,
        url,
        (context, audience, body) => sign(context, audience, body),
        (subgraph, status, seconds) => metrics.subgraphFetch.observe({ subgraph, status: String(status) }, seconds),
      ),
    );
  }
  const firewall = createFirewall(schema.apiSchema, supergraphSdl);
  const immutableOperations = createImmutableOperations(schema.apiSchema, supergraphSdl);
  const development = config.mode === 'development';

  const issuers: TrustedIssuer[] = [];
  if (config.auth.issuer && config.auth.jwksUrl) {
    issuers.push(remoteIssuer(config.auth.issuer, config.auth.audience, config.auth.jwksUrl));
  }
  if (config.auth.devIssuer) issuers.push(await devIssuer(config.stateDir, config.auth.audience));

  const app = Fastify({
    loggerInstance: log,
    bodyLimit: config.limits.bodyLimitBytes,
    // Fastify's request lines carry the caller's address and URL: anonymous use must leave no trace.
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    methods: ['POST'],
    allowedHeaders: ['authorization', 'content-type', 'x-amparo-document-id', PURPOSE_HEADER],
    exposedHeaders: ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'retry-after'],
    maxAge: 600,
  });
  // Only JSON is parsed: form and text bodies (the CSRF-able "simple requests") are refused with 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) log.error({ err: { name: (error as Error).name } }, 'request failed');
    const message =
      status === 413
        ? 'request body too large'
        : status === 415
          ? 'send application/json'
          : status === 500
            ? 'Internal server error'
            : error.message;
    return reply.code(status).send(errorBody(status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT', message));
  });

  const rateLimiter = new RateLimiter(config.limits.rateLimitPerMinute);
  registerExportProxies(
    app,
    [
      { prefix: '/hsds', subgraphUrl: config.subgraphUrls.services },
      { prefix: '/stats', subgraphUrl: config.subgraphUrls.statistics },
    ],
    rateLimiter,
  );

  const handler = createGraphQLHandler({
    schema,
    fetchSubgraph: (subgraph, request, context) => {
      const source = dataSources.get(subgraph);
      if (!source) throw new Error(`invariant failed: the plan names an unknown subgraph ${subgraph}`);
      return source.send(request, context);
    },
    authenticate: createAuthenticator(issuers),
    resolveOrganizationKind: enforceFirewall
      ? createOrganizationKindResolver(config.subgraphUrls.services, sign)
      : async (principal) => principal,
    enforceFirewall,
    trustedDocuments: TrustedDocuments.fromFile(config.trustedDocuments.path),
    metrics,
    trustedOnlyClients: new Set(config.trustedDocuments.requiredFor),
    firewall: () => firewall,
    immutableOperations: () => immutableOperations,
    limits: config.limits,
    rateLimiter,
    development,
  });
  app.post('/graphql', handler);
  const methodNotAllowed = (
    _: unknown,
    reply: { code: (n: number) => { header: (k: string, v: string) => { send: (b: unknown) => unknown } } },
  ) => reply.code(405).header('allow', 'POST').send(errorBody('BAD_USER_INPUT', 'use POST with a JSON body'));
  app.get('/graphql', methodNotAllowed);
  app.put('/graphql', methodNotAllowed);

  // Says nothing about which routes exist.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('NOT_FOUND', 'not found')));

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) =>
    reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get('/ready', async (_request, reply) => {
    const checks = await Promise.all(
      SUBGRAPHS.map(async (s) => {
        const url = new URL('/ready', config.subgraphUrls[s.name]);
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          return [s.name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [s.name, 'unavailable'] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    app,
    async close() {
      await app.close();
      await Promise.all([...dataSources.values()].map((d) => d.close()));
    },
  };
}

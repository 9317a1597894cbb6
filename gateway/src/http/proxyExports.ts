import type { FastifyInstance } from 'fastify';
import { request as undiciRequest } from 'undici';
import type { RateLimiter } from '../limits/rateLimiter.js';
import { errorBody } from '../errors/formatGatewayError.js';

/** Public, read-only export routes the gateway forwards to the subgraph that owns them. */
export interface ExportRoute {
  /** Path prefix on the gateway and on the subgraph, e.g. `/hsds`. */
  readonly prefix: string;
  /** GraphQL URL of the owning subgraph; exports live on the same origin. */
  readonly subgraphUrl: string;
}

const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-language', 'cache-control', 'etag', 'last-modified'];

/**
 * Catalogue (HSDS) and statistics (SDMX, CSV) exports: public data only,
 * so no principal is forwarded; rate-limited per caller like GraphQL. Only
 * GET, only the owning prefix, and nothing but a few content headers pass.
 */
export function registerExportProxies(
  app: FastifyInstance,
  routes: readonly ExportRoute[],
  limiter: RateLimiter,
): void {
  for (const route of routes) {
    const origin = new URL(route.subgraphUrl).origin;
    app.get(`${route.prefix}/*`, async (request, reply) => {
      const rate = limiter.hit(`ip:${request.ip}`);
      reply.header('ratelimit-limit', String(limiter.perMinute));
      reply.header('ratelimit-remaining', String(rate.remaining));
      if (!rate.allowed) {
        reply.header('retry-after', String(rate.retryAfterSeconds));
        return reply
          .code(429)
          .send(errorBody('RATE_LIMITED', `too many requests; retry in ${rate.retryAfterSeconds} s`));
      }
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      try {
        const upstream = await undiciRequest(`${origin}${request.url}`, {
          method: 'GET',
          headers,
          headersTimeout: 30_000,
        });
        reply.code(upstream.statusCode);
        for (const name of FORWARDED_RESPONSE_HEADERS) {
          const value = upstream.headers[name];
          if (typeof value === 'string') reply.header(name, value);
        }
        return reply.send(Buffer.from(await upstream.body.arrayBuffer()));
      } catch {
        return reply
          .code(502)
          .send(errorBody('INTERNAL_SERVER_ERROR', 'the export service is unavailable; retry shortly'));
      }
    });
  }
}

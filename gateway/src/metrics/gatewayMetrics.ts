import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics for operators. Labels are bounded and carry nothing
 * about people: role, outcome code, subgraph name — never an operation text,
 * a variable, an organisation or a subject.
 */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'amparo_gateway_' });
  return {
    registry,
    requests: new Counter({
      name: 'amparo_gateway_requests_total',
      help: 'GraphQL requests by role and HTTP status',
      labelNames: ['role', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'amparo_gateway_request_duration_seconds',
      help: 'Time from request to response, by role',
      labelNames: ['role'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    immutableAnswers: new Counter({
      name: 'amparo_gateway_immutable_answers_total',
      help: 'Immutable operations (published statistics releases): answers served from the gateway (hit), fetched (miss), of which kept (stored)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    subgraphFetch: new Histogram({
      name: 'amparo_gateway_subgraph_fetch_duration_seconds',
      help: 'Time of each signed subgraph fetch, by subgraph and HTTP status',
      labelNames: ['subgraph', 'status'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

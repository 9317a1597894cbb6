import mercuriusGatewayModule from '@mercuriusjs/gateway';
import Fastify from 'fastify';
import type { BenchGatewayOptions, StartedBenchGateway } from './benchGatewayOptions.js';

// A CommonJS module whose typings declare an ES default export: at runtime the
// default import is the plugin itself.
const mercuriusGateway = mercuriusGatewayModule as unknown as typeof mercuriusGatewayModule.default;

/** @mercuriusjs/gateway: does its own composition from each subgraph's `_service { sdl }`. */
export async function startMercuriusGateway(options: BenchGatewayOptions): Promise<StartedBenchGateway> {
  const app = Fastify({ logger: false });
  await app.register(mercuriusGateway, {
    gateway: { services: Object.entries(options.subgraphUrls).map(([name, url]) => ({ name, url })) },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => app.close() };
}

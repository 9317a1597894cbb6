import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { BenchGatewayOptions, StartedBenchGateway } from './benchGatewayOptions.js';

/** Stock @apollo/gateway in @apollo/server with default settings (the baseline). */
export async function startApolloGateway(options: BenchGatewayOptions): Promise<StartedBenchGateway> {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: options.supergraphSdl }) });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, close: () => server.stop() };
}

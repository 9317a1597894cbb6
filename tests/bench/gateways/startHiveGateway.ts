import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { BenchGatewayOptions, StartedBenchGateway } from './benchGatewayOptions.js';

/**
 * Hive Gateway's runtime on the static supergraph, served by node:http.
 * The runtime loads its HTTP transport from @graphql-mesh/transport-http,
 * which is not installed here (the full @graphql-hive/gateway package brings
 * it); the transport below does what that package does at its core — one
 * @graphql-tools/executor-http executor per subgraph over the runtime's fetch.
 */
export async function startHiveGateway(options: BenchGatewayOptions): Promise<StartedBenchGateway> {
  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    logging: false,
    transports: {
      http: {
        getSubgraphExecutor: ({ transportEntry, fetch }) =>
          buildHTTPExecutor({ endpoint: transportEntry.location ?? '', ...(fetch ? { fetch } : {}) }),
      },
    },
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

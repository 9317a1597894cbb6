import { ConfigError, readSupergraph } from '@amparo/schema';
import { loadGatewayConfig } from './config/gatewayConfig.js';
import { createGateway } from './http/createGateway.js';

/** The production entry point: the gateway alone, configured from the environment. */
try {
  const config = loadGatewayConfig();
  const gateway = await createGateway(config, readSupergraph());
  process.stderr.write(`amparo gateway: listening on ${gateway.url}\n`);
  const stop = () => {
    gateway.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  const message =
    error instanceof ConfigError
      ? error.message
      : code === 'EADDRINUSE'
        ? 'port already in use (GATEWAY_PORT)'
        : `unexpected error: ${(error as Error).message}`;
  process.stderr.write(`amparo gateway: cannot start: ${message}\n`);
  process.exit(1);
}

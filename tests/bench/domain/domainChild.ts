import { createGateway, loadGatewayConfig } from '@amparo/gateway';
import { createLogger, loadSubgraphConfig, startSubgraph } from '@amparo/kit';
import { readSupergraph } from '@amparo/schema';
import { ALL_SUBGRAPHS } from '../../src/startFederation.js';
import type { DomainChildMessage, DomainParentMessage } from './domainMessages.js';

/**
 * Child-process entry of the domain bench: one subgraph (migrated and seeded
 * on the shared throwaway database) or the gateway, configured exactly as
 * tests/src/startFederation.ts configures them in-process. Each in its own
 * process so the peak RSS of the gateway and of every subgraph is its own,
 * and the load generator never shares their event loops.
 */
const reply = (message: DomainChildMessage) => process.send?.(message);
let close: (() => Promise<void>) | undefined;

async function start(message: Exclude<DomainParentMessage, { type: 'stop' }>): Promise<string> {
  if (message.type === 'start-subgraph') {
    const definition = ALL_SUBGRAPHS.find((d) => d.name === message.name);
    if (!definition) throw new Error(`unknown subgraph ${message.name}`);
    const config = {
      ...loadSubgraphConfig(definition.name, 0, {
        INTERNAL_PUBLIC_KEY: JSON.stringify(message.internalPublicJwk),
        [`${definition.name.toUpperCase()}_PORT`]: '0',
        LOG_LEVEL: 'silent',
        AMPARO_MODE: 'test',
      }),
      databaseUrl: message.databaseUrl,
      dataDir: 'memory://',
      seedOnEmpty: true,
    };
    const running = await startSubgraph(definition, {
      config,
      seedScale: message.seedScale,
      log: createLogger(definition.name, 'silent'),
    });
    close = running.close;
    return running.url;
  }
  const urls = Object.fromEntries(
    Object.entries(message.subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]),
  );
  const config = loadGatewayConfig({
    ...urls,
    GATEWAY_PORT: '0',
    INTERNAL_PRIVATE_KEY: JSON.stringify(message.internalPrivateJwk),
    AMPARO_DEV_ISSUER: 'true',
    AMPARO_MODE: 'test',
    AMPARO_STATE_DIR: message.stateDir,
    LOG_LEVEL: 'silent',
    // A handful of principals send every request: the limiter must not be what is measured.
    LIMIT_RATE_PER_MINUTE: '1000000000',
  });
  const gateway = await createGateway(config, readSupergraph());
  close = () => gateway.close();
  return gateway.url;
}

process.on('message', (message: DomainParentMessage) => {
  void (async () => {
    try {
      if (message.type === 'stop') {
        await close?.();
        process.exit(0);
      }
      reply({ type: 'ready', url: await start(message) });
    } catch (error) {
      reply({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));

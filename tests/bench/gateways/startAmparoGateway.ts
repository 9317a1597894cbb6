import { createGateway, loadGatewayConfig } from '@amparo/gateway';
import { generateInternalKeyPair } from '@amparo/schema';
import { pino } from 'pino';
import type { BenchGatewayOptions, StartedBenchGateway } from './benchGatewayOptions.js';

/**
 * Amparo's gateway exactly as production builds it (createGateway), pointed
 * at the benchmark's four subgraphs. `enforceFirewall: false` is the
 * baseline that skips the per-role projection (refused in production mode).
 */
export async function startAmparoGateway(
  options: BenchGatewayOptions,
  enforceFirewall = true,
): Promise<StartedBenchGateway> {
  const keys = await generateInternalKeyPair();
  const config = loadGatewayConfig({
    GATEWAY_PORT: '0',
    INTERNAL_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
    AMPARO_DEV_ISSUER: 'true',
    AMPARO_MODE: 'test',
    AMPARO_STATE_DIR: options.stateDir,
    LOG_LEVEL: 'silent',
    // The load generator is one principal; the limiter must not be what is measured.
    LIMIT_RATE_PER_MINUTE: '1000000000',
  });
  const gateway = await createGateway(config, options.supergraphSdl, pino({ level: 'silent' }), {
    subgraphUrls: options.subgraphUrls,
    enforceFirewall,
  });
  return { url: gateway.url, close: () => gateway.close() };
}

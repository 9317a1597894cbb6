import { ConfigError, readSupergraph } from '@amparo/schema';
import { pino } from 'pino';
import { loadGatewayConfig } from './config/gatewayConfig.js';
import { scheduleFindabilitySync } from './findability/scheduleFindabilitySync.js';
import { createGateway } from './http/createGateway.js';
import { scheduleStatisticsPipeline } from './statistics/scheduleStatisticsPipeline.js';

/**
 * The production entry point: the gateway alone, configured from the
 * environment, with the two jobs it runs on its own behalf — the findability
 * sync (issue 7) and the statistics schedule (issue 8) — on their configured
 * intervals (0 disables either).
 */
try {
  const config = loadGatewayConfig();
  const gateway = await createGateway(config, readSupergraph());
  process.stderr.write(`amparo gateway: listening on ${gateway.url}\n`);
  const findabilitySync = await scheduleFindabilitySync(
    config,
    pino({ name: 'findability-sync', level: config.logLevel }),
  );
  const statisticsLog = pino({ name: 'statistics-schedule', level: config.logLevel });
  const statisticsSchedule = await scheduleStatisticsPipeline(config, {
    info: (line) => statisticsLog.info(line),
    warn: (line) => statisticsLog.warn(line),
  });
  const stop = () => {
    findabilitySync?.stop();
    statisticsSchedule?.stop();
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

import { ConfigError } from '@amparo/schema';
import { loadSubgraphConfig } from '../config/subgraphConfig.js';
import { DatabaseUnavailableError } from '../db/Database.js';
import { MigrationError } from '../db/migrate.js';
import type { SubgraphDefinition } from './SubgraphDefinition.js';
import { startSubgraph } from './startSubgraph.js';

/** Explains the start-up failures an operator can fix, in one line. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof MigrationError) {
    return error.message;
  }
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    return `port already in use (${(error as { address?: string; port?: number }).port ?? ''})`;
  if (code === 'EACCES') return 'not allowed to listen on that port';
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * The `main` of a subgraph process: configuration from the environment, one
 * clear line and exit code 1 on a bad start, clean shutdown on SIGINT/SIGTERM.
 */
export async function runSubgraphMain<L>(definition: SubgraphDefinition<L>): Promise<void> {
  let running: Awaited<ReturnType<typeof startSubgraph>>;
  try {
    const config = loadSubgraphConfig(definition.name, definition.defaultPort);
    running = await startSubgraph(definition, { config });
  } catch (error) {
    process.stderr.write(`amparo ${definition.name}: cannot start: ${describeStartupError(error)}\n`);
    process.exit(1);
  }
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await running.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stderr.write(`amparo ${definition.name}: listening on ${running.url}\n`);
}

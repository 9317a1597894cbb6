import { availableParallelism } from 'node:os';

/**
 * Connections a subgraph's PostgreSQL pool opens unless DATABASE_POOL_SIZE
 * says otherwise: twice the cores plus one, Prisma's default and HikariCP's
 * "About Pool Sizing" rule. More connections than the cores can serve make
 * every statement slower, not more of them run: measured with issue 10's
 * domain bench on 2 cores, 20 clients, a pool of 10 per subgraph against
 * one of 5 (4 for the catalogue), PostgreSQL spent about a third more CPU
 * per request on the same work (backends time-sharing the cores, a 1M-row
 * blocking index read by ten at once through 128 MB of shared buffers) and
 * the 95th percentile was up to twice as long. The cores counted are the
 * subgraph's; when PostgreSQL has a machine of its own, set the size.
 */
export function defaultPoolSize(cores: number = availableParallelism()): number {
  return cores * 2 + 1;
}

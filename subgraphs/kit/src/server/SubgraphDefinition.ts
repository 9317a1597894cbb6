import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { VerifiedInternalClaims } from '@amparo/schema';
import type { FastifyInstance } from 'fastify';
import type { SubgraphConfig } from '../config/subgraphConfig.js';
import type { Database, PgliteExtensionName } from '../db/Database.js';
import type { Logger } from '../log/createLogger.js';
import type { SubgraphContext } from './SubgraphContext.js';

export interface SeedOptions {
  /** Multiplies the demo volumes; 1 is the documented demo size. @default 1 */
  readonly scale?: number;
  /** Prints progress lines. */
  readonly progress?: (message: string) => void;
}

/** Everything the kit needs to run one subgraph; each subgraph exports one. */
export interface SubgraphDefinition<Loaders = unknown> {
  readonly name: string;
  readonly defaultPort: number;
  readonly sdlPath: string;
  readonly migrationsDir: string;
  readonly extensions?: readonly PgliteExtensionName[];
  readonly resolvers: GraphQLResolverMap<SubgraphContext<Loaders>>;
  readonly createLoaders: (db: Database, claims: VerifiedInternalClaims) => Loaders;
  /** True when the subgraph holds no rows of its own yet. */
  readonly isEmpty: (db: Database) => Promise<boolean>;
  /** Fills the subgraph with deterministic synthetic demo data, in one transaction. */
  readonly seed: (db: Database, options?: SeedOptions) => Promise<void>;
  readonly routes?: (app: FastifyInstance, db: Database, log: Logger) => void | Promise<void>;
  /**
   * Runs after migrations, before the server listens: validate the
   * subgraph's own settings (throw ConfigError for one clear line), start
   * background jobs. The returned function runs on close.
   */
  readonly init?: (db: Database, log: Logger, config: SubgraphConfig) => Promise<(() => Promise<void>) | void>;
}

export { ConfigError, loadConfig, booleanFlag, jsonWebKey, logLevel, port, postgresUrl, runMode } from '@amparo/schema';
export { DEFAULT_DATA_DIR, loadSubgraphConfig, type SubgraphConfig } from './config/subgraphConfig.js';
export {
  DatabaseUnavailableError,
  type Database,
  type DatabaseOptions,
  type PgliteExtensionName,
  type Queryable,
  type QueryOptions,
} from './db/Database.js';
export { openDatabase } from './db/openDatabase.js';
export { TRANSACTION_ATTEMPTS, type TransactionRetryListener } from './db/retryTransientFailures.js';
export { KIT_MIGRATIONS_DIR, MigrationError, migrate, migrateSubgraph, type MigrationResult } from './db/migrate.js';
export { AmparoError, badUserInput, forbidden, invariant, notFound } from './errors/AmparoError.js';
export { ERROR_CODES, type ErrorCode } from './errors/errorCodes.js';
export { toSafeGraphQLError } from './errors/formatError.js';
export { createLogger, type Logger } from './log/createLogger.js';
export { groupedLoader, keyedLoader, KeyedLoader } from './loaders/keyedLoader.js';
export { enforceFieldAuthorization, requirementOf, type FieldRequirement } from './auth/fieldAuthorization.js';
export { createSubgraphServer, type SubgraphServerOptions } from './server/createSubgraphServer.js';
export type { SubgraphContext } from './server/SubgraphContext.js';
export type { SeedOptions, SubgraphDefinition } from './server/SubgraphDefinition.js';
export { startSubgraph, type RunningSubgraph, type StartSubgraphOptions } from './server/startSubgraph.js';
export { describeStartupError, runSubgraphMain } from './server/runSubgraphMain.js';
export { SeededRandom } from './demo/random.js';
export { demoId } from './demo/demoId.js';
export { DEMO_LANGUAGES, DEMO_NATIONALITIES, DEMO_PLACES, RCM_COUNTRIES, type DemoPlace } from './demo/region.js';
export {
  DEMO_ORGANIZATIONS,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  ORGANIZATION_KINDS,
  demoServiceId,
  type DemoOrganization,
  type OrganizationKind,
} from './demo/organizations.js';
export {
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from './pagination/cursor.js';
export { runSeedMain } from './server/runSeedMain.js';
export { principalFor, startTestSubgraph, type TestSubgraph } from './testing/testSubgraph.js';
export { createTestDatabase, type TestDatabase } from './testing/testDatabase.js';
export {
  GENESIS_HASH,
  appendAuditEvents,
  hashAuditEvent,
  verifyAuditChain,
  type AuditEvent,
  type ChainVerification,
} from './audit/auditChain.js';
export { AuditCollector } from './audit/AuditCollector.js';
export { insertRows } from './db/insertRows.js';
export { monthBounds, type MonthBounds } from './periods/monthBounds.js';
export { periodBounds, type PeriodBounds, type PeriodKind } from './periods/periodBounds.js';
export { auditTrail, auditorQueries, readsAudit, type AuditTrailEntry } from './audit/auditTrail.js';
export { writeAuditEvent, type AuditActor } from './audit/writeAuditEvent.js';

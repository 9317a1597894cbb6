import type { Principal } from '@amparo/schema';
import type { AuditCollector } from '../audit/AuditCollector.js';
import type { Database } from '../db/Database.js';
import type { Logger } from '../log/createLogger.js';

/** What every resolver receives; a fresh one (and fresh loaders) per request. */
export interface SubgraphContext<Loaders = unknown> {
  readonly principal: Principal;
  readonly requestId: string;
  readonly operationName: string | null;
  readonly operationHash: string | null;
  readonly db: Database;
  readonly log: Logger;
  readonly loaders: Loaders;
  /** Firewalled reads of this request; appended to the audit trail when it ends. */
  readonly audit: AuditCollector;
}

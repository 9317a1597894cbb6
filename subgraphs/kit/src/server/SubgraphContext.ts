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
  /** The client's stated purpose, signed by the gateway; recorded on this request's READ events (F6). */
  readonly purpose: string | null;
  readonly db: Database;
  readonly log: Logger;
  readonly loaders: Loaders;
  /** Firewalled reads of this request; appended to the audit trail when it ends. */
  readonly audit: AuditCollector;
}

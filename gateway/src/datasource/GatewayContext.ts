import type { Principal } from '@amparo/schema';

/** Per-request context handed through @apollo/gateway to every subgraph fetch. */
export interface GatewayContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly operationName: string | null;
  /** sha256 of the operation text, for the audit trail. */
  readonly operationHash: string | null;
}

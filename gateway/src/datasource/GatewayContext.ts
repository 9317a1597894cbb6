import type { Principal } from '@amparo/schema';

/** Per-request context the plan executor hands to every subgraph fetch (signed into its token). */
export interface GatewayContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly operationName: string | null;
  /** sha256 of the operation text, for the audit trail. */
  readonly operationHash: string | null;
  /** The client's stated purpose (`x-amparo-purpose`), for the audit trail's READ events. */
  readonly purpose: string | null;
}

import type { Principal } from '@amparo/schema';

/** Who is writing, for row-level checks and the audit trail. */
export interface Caller {
  readonly principal: Principal;
  readonly requestId: string;
  readonly operationName: string | null;
  readonly operationHash: string | null;
}

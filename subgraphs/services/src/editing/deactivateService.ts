import type { Database, SubgraphContext } from '@amparo/kit';
import { guardedWrite } from './updateService.js';

/** Marks a service INACTIVE under the same version guard as an update. */
export async function deactivateService(
  db: Database,
  ctx: Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>,
  args: { id: string; expectedVersion: number },
) {
  return guardedWrite(db, ctx, args.id, args.expectedVersion, { status: 'INACTIVE' }, async () => ['status']);
}

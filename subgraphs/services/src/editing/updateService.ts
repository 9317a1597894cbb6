import { badUserInput, notFound, type Database, type SubgraphContext } from '@amparo/kit';
import { SERVICE_COLUMNS, toService, type ServiceRow } from '../catalogue/serviceRow.js';
import { auditWrite } from './auditWrite.js';
import { assertMayEdit, isUuid, staleVersion } from './editPermission.js';
import { validateServiceInput, type ServiceInput } from './validateServiceInput.js';
import { writeSideTables } from './writeSideTables.js';

type WriteContext = Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>;

/**
 * Optimistic concurrency: the UPDATE matches only the expected version, so
 * of two writers that read the same version exactly one wins; the other is
 * told STALE_VERSION and nothing of hers is written.
 */
export async function updateService(
  db: Database,
  ctx: WriteContext,
  args: { id: string; expectedVersion: number; input: ServiceInput },
) {
  const changes = validateServiceInput(args.input, []);
  if (changes.fields.length === 0) throw badUserInput('input', 'give at least one field to change');
  return guardedWrite(db, ctx, args.id, args.expectedVersion, changes.columns, async (tx) => {
    await writeSideTables(tx, args.id, changes);
    return changes.fields;
  });
}

export async function guardedWrite(
  db: Database,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  columns: Record<string, unknown>,
  after: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<string[]>,
) {
  if (!isUuid(id)) throw notFound('service');
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{
      organization_id: string;
      version: number;
      confidential_location: boolean;
      contacts: unknown[];
    }>('SELECT organization_id, version, confidential_location, contacts FROM services WHERE id = $1', [id]);
    if (!current) throw notFound('service');
    assertMayEdit(ctx.principal, current.organization_id);
    const names = Object.keys(columns);
    const sets = names.map((n, i) => `${n} = $${i + 3}`);
    const [row] = await tx.query<ServiceRow>(
      `UPDATE services SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1 AND version = $2 RETURNING ${SERVICE_COLUMNS}`,
      [id, expectedVersion, ...Object.values(columns)],
    );
    if (!row) {
      const [now] = await tx.query<{ version: number }>('SELECT version FROM services WHERE id = $1', [id]);
      throw staleVersion(now?.version ?? current.version);
    }
    if (row.confidential_location && row.contacts.length === 0)
      throw badUserInput(
        'input.contacts',
        'a confidential location needs at least one contact channel the public can use',
      );
    const fields = await after(tx);
    await auditWrite(tx, ctx, id, fields);
    return toService(row);
  });
}

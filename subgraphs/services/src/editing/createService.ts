import { randomUUID } from 'node:crypto';
import { badUserInput, type Database, type SubgraphContext } from '@amparo/kit';
import { SERVICE_COLUMNS, toService, type ServiceRow } from '../catalogue/serviceRow.js';
import { auditWrite } from './auditWrite.js';
import { organizationForNewService } from './editPermission.js';
import { validateServiceInput, type ServiceInput } from './validateServiceInput.js';
import { writeSideTables } from './writeSideTables.js';

const REQUIRED = ['name', 'categories', 'phases', 'country', 'languages', 'timeZone'] as const;

export async function createService(
  db: Database,
  ctx: Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>,
  input: ServiceInput,
) {
  const changes = validateServiceInput(input, REQUIRED);
  const confidential = changes.columns.confidential_location === true;
  if (confidential && !input.contacts?.length)
    throw badUserInput(
      'input.contacts',
      'a confidential location needs at least one contact channel the public can use',
    );
  return db.transaction(async (tx) => {
    const organizationId = await organizationForNewService(tx, ctx.principal, input.organizationId);
    const id = randomUUID();
    const columns = { id, organization_id: organizationId, ...changes.columns };
    const names = Object.keys(columns);
    const [row] = await tx.query<ServiceRow>(
      `INSERT INTO services (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING ${SERVICE_COLUMNS}`,
      Object.values(columns),
    );
    await writeSideTables(tx, id, changes);
    await auditWrite(tx, ctx, id, ['created', ...changes.fields]);
    return toService(row as ServiceRow);
  });
}

import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './catalogue/serviceRow.js';
import { toOrganization, type OrganizationRow } from './organizations/organizationRow.js';

/** One set per request: every lookup by id is batched into one query. */
export function createServicesLoaders(db: Database) {
  return {
    service: keyedLoader(
      async (ids: readonly string[]) =>
        (await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE id = ANY($1::uuid[])`, [ids])).map(
          toService,
        ),
      (s) => s.id,
    ),
    organization: keyedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<OrganizationRow>(
            'SELECT id, name, kind, country, city FROM organizations WHERE id = ANY($1::uuid[])',
            [ids],
          )
        ).map(toOrganization),
      (o) => o.id,
    ),
    servicesOfOrganization: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<ServiceRow>(
            `SELECT ${SERVICE_COLUMNS} FROM services WHERE organization_id = ANY($1::uuid[]) ORDER BY name, id`,
            [ids],
          )
        ).map(toService),
      (s) => s.organizationId,
    ),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;

import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import { openAtSql, toOpeningHours, type OpeningHoursRow } from './catalogue/openingHours.js';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './catalogue/serviceRow.js';
import { toTranslation, type TranslationRow } from './i18n/translation.js';
import { toOrganization, type OrganizationRow } from './organizations/organizationRow.js';

/** Lookups by key: kept prepared on each connection (the generic plan is the right one for every value). */
const PREPARED = { prepare: true } as const;

/** One set per request: every lookup by id is batched into one query. */
export function createServicesLoaders(db: Database) {
  return {
    service: keyedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<ServiceRow>(
            `SELECT ${SERVICE_COLUMNS} FROM services WHERE id = ANY($1::uuid[])`,
            [ids],
            PREPARED,
          )
        ).map(toService),
      (s) => s.id,
    ),
    organization: keyedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<OrganizationRow>(
            'SELECT id, name, kind, country, city FROM organizations WHERE id = ANY($1::uuid[])',
            [ids],
            PREPARED,
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
            PREPARED,
          )
        ).map(toService),
      (s) => s.organizationId,
    ),
    translations: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<TranslationRow>(
            'SELECT service_id, language, name, description FROM service_translations WHERE service_id = ANY($1::uuid[])',
            [ids],
            PREPARED,
          )
        ).map(toTranslation),
      (t) => t.serviceId,
    ),
    openNow: keyedLoader(
      async (ids: readonly string[]) =>
        db.query<{ id: string; open: boolean }>(
          `SELECT s.id, ${openAtSql('$2', 's')} AS open FROM services s WHERE s.id = ANY($1::uuid[])`,
          [ids, new Date().toISOString()],
          PREPARED,
        ),
      (r) => r.id,
    ),
    openingHours: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<OpeningHoursRow>(
            `SELECT service_id, weekday, opens::text AS opens, closes::text AS closes FROM service_hours
             WHERE service_id = ANY($1::uuid[]) ORDER BY weekday, opens`,
            [ids],
            PREPARED,
          )
        ).map(toOpeningHours),
      (h) => h.serviceId,
    ),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;

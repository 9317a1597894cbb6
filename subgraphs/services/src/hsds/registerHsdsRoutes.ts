import { groupedLoader, keyedLoader, type SubgraphDefinition } from '@amparo/kit';
import { toOpeningHours, type OpeningHoursRow } from '../catalogue/openingHours.js';
import { SERVICE_COLUMNS, toService, type ServiceRow } from '../catalogue/serviceRow.js';
import { toTranslation, type TranslationRow } from '../i18n/translation.js';
import { toOrganization, type OrganizationRow } from '../organizations/organizationRow.js';
import { toHsdsService } from './toHsdsService.js';

type Routes = NonNullable<SubgraphDefinition['routes']>;
const MAX_PER_PAGE = 100;

function positiveInt(value: unknown, fallback: number): number | null {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[1-9]\d{0,6}$/.test(value)) return null;
  return Number(value);
}

/**
 * `GET /hsds/services?page=&per_page=`: the public catalogue in Open
 * Referral HSDS 3.0 shape. It is outside /graphql, so no internal token
 * guards it: it reads only public catalogue columns, never a confidential
 * location, and logs nothing about the caller.
 */
export const registerHsdsRoutes: Routes = (app, db) => {
  app.get('/hsds/services', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const page = positiveInt(query.page, 1);
    const perPage = positiveInt(query.per_page, 50);
    if (page === null) return reply.code(400).send({ error: 'page must be a positive integer' });
    if (perPage === null || perPage > MAX_PER_PAGE)
      return reply.code(400).send({ error: `per_page must be between 1 and ${MAX_PER_PAGE}` });
    const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM services');
    const total = count?.n ?? 0;
    const rows = await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services ORDER BY id LIMIT $1 OFFSET $2`, [
      perPage,
      (page - 1) * perPage,
    ]);
    const services = rows.map(toService);
    const organizations = keyedLoader(
      async (orgIds: readonly string[]) =>
        (
          await db.query<OrganizationRow>(
            'SELECT id, name, kind, country, city FROM organizations WHERE id = ANY($1::uuid[])',
            [orgIds],
          )
        ).map(toOrganization),
      (o) => o.id,
    );
    const hours = groupedLoader(
      async (serviceIds: readonly string[]) =>
        (
          await db.query<OpeningHoursRow>(
            `SELECT service_id, weekday, opens::text AS opens, closes::text AS closes FROM service_hours
             WHERE service_id = ANY($1::uuid[]) ORDER BY weekday, opens`,
            [serviceIds],
          )
        ).map(toOpeningHours),
      (h) => h.serviceId,
    );
    const translations = groupedLoader(
      async (serviceIds: readonly string[]) =>
        (
          await db.query<TranslationRow>(
            'SELECT service_id, language, name, description FROM service_translations WHERE service_id = ANY($1::uuid[])',
            [serviceIds],
          )
        ).map(toTranslation),
      (t) => t.serviceId,
    );
    const contents = await Promise.all(
      services.map(async (s) =>
        toHsdsService(
          s,
          await organizations.load(s.organizationId),
          await hours.load(s.id),
          await translations.load(s.id),
        ),
      ),
    );
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    return reply.header('cache-control', 'public, max-age=300').send({
      total_items: total,
      total_pages: totalPages,
      page_number: page,
      size: contents.length,
      first_page: page === 1,
      last_page: page >= totalPages,
      empty: contents.length === 0,
      contents,
    });
  });
};

import { decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './serviceRow.js';
import { validateServiceFilter, type ServiceFilter } from './serviceFilter.js';

/**
 * The catalogue search: filters combine with AND, list filters match any of
 * their values; keyset pagination on (name, id), so pages neither skip nor
 * repeat rows while services are being added.
 */
export async function searchServices(
  db: Queryable,
  args: { filter?: ServiceFilter | null; first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const filter = validateServiceFilter(args.filter ?? {});
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.categories?.length) where.push(`categories && ${param(filter.categories)}::text[]`);
  if (filter.phases?.length) where.push(`phases && ${param(filter.phases)}::text[]`);
  if (filter.languages?.length) where.push(`languages && ${param(filter.languages)}::text[]`);
  if (filter.countries?.length) where.push(`country = ANY(${param(filter.countries)}::text[])`);
  if (filter.regardlessOfStatus) where.push('serves_regardless_of_status');
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];

  const after = decodeCursor(args.after);
  if (after) where.push(`(name, id) > (${param(after[0])}, ${param(after[1])}::uuid)`);
  const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [rows, [count]] = await Promise.all([
    db.query<ServiceRow>(
      `SELECT ${SERVICE_COLUMNS} FROM services ${paged} ORDER BY name, id LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*) AS n FROM services ${filtered}`, countParams),
  ]);
  return toConnection(rows.map(toService), size, count?.n ?? 0, (s) => [s.name, s.id]);
}

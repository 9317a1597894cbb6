import { badUserInput, decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import { toOrganization, type OrganizationRow } from './organizationRow.js';

export async function listOrganizations(
  db: Queryable,
  args: { countries?: string[] | null; first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const where: string[] = [];
  const params: unknown[] = [];
  if (args.countries?.length) {
    args.countries.forEach((c, i) => {
      if (!/^[A-Z]{2}$/.test(c))
        throw badUserInput(`countries[${i}]`, 'must be an ISO 3166-1 alpha-2 code such as "GT"');
    });
    params.push(args.countries);
    where.push(`country = ANY($1::text[])`);
  }
  const countSql = `SELECT count(*) AS n FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const countParams = [...params];
  const after = decodeCursor(args.after);
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(name, id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  const [rows, [count]] = await Promise.all([
    db.query<OrganizationRow>(
      `SELECT id, name, kind, country, city FROM organizations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, id LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(countSql, countParams),
  ]);
  return toConnection(rows.map(toOrganization), size, count?.n ?? 0, (o) => [o.name, o.id]);
}

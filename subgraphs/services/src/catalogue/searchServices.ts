import { badUserInput, decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import { openAtSql } from './openingHours.js';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './serviceRow.js';
import {
  searchTerms,
  validateNear,
  validateServiceFilter,
  type NearInput,
  type ServiceFilter,
} from './serviceFilter.js';

const EARTH_RADIUS_KM = 6371.0088;

export interface SearchArgs {
  filter?: ServiceFilter | null;
  near?: NearInput | null;
  orderBy?: 'NAME' | 'DISTANCE' | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The catalogue search: filters combine with AND, list filters match any of
 * their values (accessibility: all of them). Keyset pagination on (name, id),
 * or (distance, id) with `near`, so pages neither skip nor repeat rows while
 * services are being added. Distance uses only the public position (rounded
 * for confidential shelters) and is rounded to 0.1 km before it is compared,
 * so the cursor holds exactly the value the ORDER BY used.
 */
export async function searchServices(db: Queryable, args: SearchArgs) {
  const size = pageSize(args.first);
  const filter = validateServiceFilter(args.filter ?? {});
  const near = args.near ? validateNear(args.near) : null;
  const byDistance = near !== null && args.orderBy !== 'NAME';
  if (args.orderBy === 'DISTANCE' && !near) throw badUserInput('orderBy', 'DISTANCE needs `near`');

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
  if (filter.accessibility?.length) where.push(`accessibility @> ${param(filter.accessibility)}::text[]`);
  if (filter.populations?.length) where.push(`populations && ${param(filter.populations)}::text[]`);
  if (filter.statuses?.length) where.push(`status = ANY(${param(filter.statuses)}::text[])`);
  if (filter.regardlessOfStatus) where.push('serves_regardless_of_status');
  for (const term of searchTerms(filter.text)) {
    // LIKE on the trigram-indexed column; the pattern's own wildcards are escaped.
    where.push(`search_text LIKE '%' || lower(unaccent(${param(term.replace(/[\\%_]/g, (c) => `\\${c}`))})) || '%'`);
  }
  if (filter.openNow || filter.openAt) {
    const at = param(filter.openAt ? new Date(filter.openAt).toISOString() : new Date().toISOString());
    where.push(openAtSql(at, 'services'));
  }

  let distance = 'NULL::float8';
  if (near) {
    const lat = param(near.latitude);
    const lon = param(near.longitude);
    // A bounding box first (indexed), then the exact great-circle distance.
    // The box is the circle's exact extent (asin formula) plus 1 % margin.
    const angle = (near.radiusKm * 1.01) / EARTH_RADIUS_KM;
    const degrees = 180 / Math.PI;
    const dLat = angle * degrees;
    const ratio = Math.sin(angle) / Math.cos((Math.min(Math.abs(near.latitude) + dLat, 90) * Math.PI) / 180);
    const dLon = ratio >= 1 || !Number.isFinite(ratio) ? 180 : Math.asin(ratio) * degrees;
    where.push(
      `point(public_longitude, public_latitude) <@ box(point(${param(near.longitude - dLon)}::float8, ${param(near.latitude - dLat)}::float8), point(${param(near.longitude + dLon)}::float8, ${param(near.latitude + dLat)}::float8))`,
    );
    // Rounded in float8 (round(x * 10) / 10 is the double nearest the 0.1 km value, as the numeric
    // round was): numeric arithmetic on every row in the box cost about two thirds of the search.
    distance = `(round(${EARTH_RADIUS_KM} * 2 * asin(sqrt(least(1,
      power(sin(radians(public_latitude - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(public_latitude))
        * power(sin(radians(public_longitude - ${lon}::float8) / 2), 2)))) * 10) / 10)`;
    where.push(`${distance} <= ${param(near.radiusKm)}`);
  }
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];

  const after = decodeCursor(args.after);
  const orderKey = byDistance ? distance : 'name';
  if (after) {
    const [key, id] = after;
    const keyOk = byDistance ? typeof key === 'number' : typeof key === 'string';
    if (!keyOk || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
      throw badUserInput('after', 'is not a cursor of this ordering; pass pageInfo.endCursor of the previous page');
    where.push(`(${orderKey}, id) > (${param(key)}${byDistance ? '::float8' : ''}, ${param(id)}::uuid)`);
  }
  const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [rows, [count]] = await Promise.all([
    db.query<ServiceRow & { distance_km: number | null }>(
      byDistance
        ? // Ids and distances first (an index-only scan of the position index when only the place
          // filters), then the page's few rows.
          `WITH page AS (SELECT id, ${distance} AS distance_km FROM services ${paged}
             ORDER BY distance_km, id LIMIT ${size + 1})
           SELECT ${SERVICE_COLUMNS}, page.distance_km FROM page JOIN services USING (id)
           ORDER BY page.distance_km, id`
        : `SELECT ${SERVICE_COLUMNS}, ${distance} AS distance_km FROM services ${paged}
           ORDER BY ${orderKey}, id LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*) AS n FROM services ${filtered}`, countParams),
  ]);
  const nodes = rows.map((row) => ({ service: toService(row), distanceKm: row.distance_km }));
  const connection = toConnection(nodes, size, count?.n ?? 0, (n) =>
    byDistance ? [n.distanceKm ?? 0, n.service.id] : [n.service.defaultName, n.service.id],
  );
  return {
    ...connection,
    edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.service, distanceKm: e.node.distanceKm })),
  };
}

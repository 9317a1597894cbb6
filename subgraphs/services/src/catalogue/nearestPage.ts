import { boxAroundSql } from './greatCircle.js';
import { SERVICE_COLUMNS } from './serviceRow.js';

/**
 * The page of a distance search, read nearest first from the position index
 * instead of computing the distance of every match in the radius and sorting.
 *
 * The index's `<->` orders by planar distance in degrees, which is not the
 * order of great-circle distance (a degree of longitude shrinks with the
 * latitude), so it only bounds the page: the first `rows` matches it yields
 * all lie within the largest of their distances, hence so do the `rows`
 * nearest matches; a second, small box of that radius is then read and
 * sorted exactly by (distance, id), the keyset order of the cursors, ties
 * included. Both passes are index-only scans when every filter is in the
 * index (0004_position_filters_index.sql, 0005 for text), which the caller
 * checks.
 *
 * `matches` holds complete WHERE clauses (filters, radius box and distance,
 * cursor) of disjoint sets of services, each walked on its own (0005's two
 * text indexes); any `rows` matches bound the page, so the nearest `rows`
 * of all the walks do too. `distance` is the SQL of the rounded distance;
 * `center` the parameters of the point searched from; `rows` the number of
 * rows to return, a parameter, so that the text of the statement does not
 * depend on the page size and one prepared statement serves every size.
 */
export function nearestPageSql(page: {
  matches: readonly [string, ...string[]];
  distance: string;
  center: { lat: string; lon: string };
  rows: string;
  /** What to select of each service of the page (SERVICE_COLUMNS and any prefetched column). */
  columns?: string;
}): string {
  const { matches, distance, center, rows, columns = SERVICE_COLUMNS } = page;
  const walk = (where: string) => `SELECT ${distance} AS distance_km FROM services ${where}
      ORDER BY point(public_longitude, public_latitude) <-> point(${center.lon}::float8, ${center.lat}::float8)
      LIMIT ${rows}`;
  const within = (where: string) => `SELECT id, ${distance} AS distance_km FROM services ${where}
      AND point(public_longitude, public_latitude) <@ (SELECT ${boxAroundSql(center.lat, center.lon, 'distance_km')} FROM reach)
      AND ${distance} <= (SELECT distance_km FROM reach)`;
  const [only, ...others] = matches;
  const nearest = others.length
    ? `SELECT distance_km FROM (${matches.map((where) => `(${walk(where)})`).join(' UNION ALL ')}) AS walks
      ORDER BY distance_km LIMIT ${rows}`
    : walk(only);
  const inReach = others.length
    ? `SELECT id, distance_km FROM (${matches.map(within).join(' UNION ALL ')}) AS reached`
    : within(only);
  return `WITH nearest AS (${nearest}),
    reach AS (SELECT max(distance_km) AS distance_km FROM nearest),
    page AS (${inReach}
      ORDER BY distance_km, id LIMIT ${rows})
    SELECT ${columns}, page.distance_km FROM page JOIN services USING (id)
    ORDER BY page.distance_km, id`;
}

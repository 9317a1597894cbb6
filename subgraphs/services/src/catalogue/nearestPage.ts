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
 * index (0004_position_filters_index.sql), which the caller checks.
 *
 * `matches` is the complete WHERE clause (filters, radius box and distance,
 * cursor); `distance` the SQL of the rounded distance; `center` the
 * parameters of the point searched from.
 */
export function nearestPageSql(page: {
  matches: string;
  distance: string;
  center: { lat: string; lon: string };
  rows: number;
}): string {
  const { matches, distance, center, rows } = page;
  return `WITH nearest AS (SELECT ${distance} AS distance_km FROM services ${matches}
      ORDER BY point(public_longitude, public_latitude) <-> point(${center.lon}::float8, ${center.lat}::float8)
      LIMIT ${rows}),
    reach AS (SELECT max(distance_km) AS distance_km FROM nearest),
    page AS (SELECT id, ${distance} AS distance_km FROM services ${matches}
      AND point(public_longitude, public_latitude) <@ (SELECT ${boxAroundSql(center.lat, center.lon, 'distance_km')} FROM reach)
      AND ${distance} <= (SELECT distance_km FROM reach)
      ORDER BY distance_km, id LIMIT ${rows})
    SELECT ${SERVICE_COLUMNS}, page.distance_km FROM page JOIN services USING (id)
    ORDER BY page.distance_km, id`;
}

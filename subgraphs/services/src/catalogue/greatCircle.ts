/** Mean Earth radius (IUGG), the one every distance of the catalogue uses. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * SQL for the great-circle (haversine) distance in km from the parameters
 * `lat`, `lon` to a service's public position, rounded to 0.1 km. Rounded in
 * float8 (round(x * 10) / 10 is the double nearest the 0.1 km value, as the
 * numeric round was): numeric arithmetic on every row in the box cost about
 * two thirds of the search. The page's ORDER BY, the radius filter and the
 * cursor all compare this one value, so a cursor holds exactly what was sorted.
 */
export function distanceKmSql(lat: string, lon: string): string {
  return `(round(${EARTH_RADIUS_KM} * 2 * asin(sqrt(least(1,
      power(sin(radians(public_latitude - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(public_latitude))
        * power(sin(radians(public_longitude - ${lon}::float8) / 2), 2)))) * 10) / 10)`;
}

/**
 * Half-sizes in degrees of the box around a circle of `radiusKm` at
 * `latitude`: the circle's exact extent (asin formula) plus 1 % margin.
 * Longitudes do not wrap at ±180 (no route crosses the antimeridian).
 */
export function boxHalfSizes(latitude: number, radiusKm: number): { dLat: number; dLon: number } {
  const angle = (radiusKm * 1.01) / EARTH_RADIUS_KM;
  const degrees = 180 / Math.PI;
  const dLat = angle * degrees;
  const ratio = Math.sin(angle) / Math.cos((Math.min(Math.abs(latitude) + dLat, 90) * Math.PI) / 180);
  const dLon = ratio >= 1 || !Number.isFinite(ratio) ? 180 : Math.asin(ratio) * degrees;
  return { dLat, dLon };
}

/**
 * {@link boxHalfSizes} in SQL, for a radius only the database knows (the
 * distance of the farthest row of a first pass): `box(…)` around `lat`, `lon`
 * that holds every position whose rounded distance is at most `radiusKm`
 * (0.1 km is added for the rounding; NULL radius, NULL box).
 */
export function boxAroundSql(lat: string, lon: string, radiusKm: string): string {
  const angle = `((${radiusKm} + 0.1) * 1.01 / ${EARTH_RADIUS_KM})`;
  const ratio = `(sin(${angle}) / cos(radians(least(abs(${lat}::float8) + degrees(${angle}), 90))))`;
  const dLat = `degrees(${angle})`;
  const dLon = `(CASE WHEN ${ratio} >= 1 THEN 180 ELSE degrees(asin(${ratio})) END)`;
  return `box(point(${lon}::float8 - ${dLon}, ${lat}::float8 - ${dLat}), point(${lon}::float8 + ${dLon}, ${lat}::float8 + ${dLat}))`;
}

/**
 * Half-sizes in degrees of a box around `latitude` whose every position lies
 * within `radiusKm` with 0.1 km to spare, so its rounded distance is within
 * the radius without computing it (haversine: hav θ = hav Δφ + cos φ₀ cos φ
 * hav Δλ, bounded on the box). Null for radii too small to bother.
 */
export function innerBoxHalfSizes(latitude: number, radiusKm: number): { dLat: number; dLon: number } | null {
  const angle = (radiusKm - 0.1) / EARTH_RADIUS_KM;
  if (!(angle > 0)) return null;
  const rad = Math.PI / 180;
  const hav = (x: number) => Math.sin(x / 2) ** 2;
  const halfLat = angle / Math.SQRT2;
  // The largest cos φ over the box's latitudes (1 when it spans the equator).
  const widest = Math.cos(Math.max(0, Math.abs(latitude * rad) - halfLat));
  const scale = Math.cos(latitude * rad) * widest;
  const left = hav(angle) - hav(halfLat);
  if (!(scale > 0 && left > 0)) return null;
  const havLon = left / scale;
  const halfLon = havLon >= 1 ? Math.PI : 2 * Math.asin(Math.sqrt(havLon));
  return { dLat: halfLat / rad, dLon: halfLon / rad };
}

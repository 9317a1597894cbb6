import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, boxHalfSizes, innerBoxHalfSizes } from './greatCircle.js';

const rad = Math.PI / 180;
function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return EARTH_RADIUS_KM * 2 * Math.asin(Math.sqrt(Math.min(1, a)));
}
/** The point `km` away from (lat, lon) in direction `bearing` (degrees). */
function destination(lat: number, lon: number, km: number, bearing: number): [number, number] {
  const d = km / EARTH_RADIUS_KM;
  const [p1, l1, b] = [lat * rad, lon * rad, bearing * rad];
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [p2 / rad, l2 / rad];
}

const LATITUDES = [-89.9, -60, -15, 0, 0.3, 14.9, 45.5, 60, 85, 89.9];
const RADII = [0.15, 1, 25, 50, 100, 300, 2000];

describe('great-circle boxes', () => {
  it('the search box holds the whole circle', () => {
    for (const lat of LATITUDES)
      for (const r of RADII) {
        const { dLat, dLon } = boxHalfSizes(lat, r);
        for (let bearing = 0; bearing < 360; bearing += 5) {
          const [pLat, pLon] = destination(lat, 10, r, bearing);
          if (Math.abs(pLat) > 90) continue;
          expect(Math.abs(pLat - lat)).toBeLessThanOrEqual(dLat);
          if (dLon < 180) expect(Math.abs(pLon - 10)).toBeLessThanOrEqual(dLon);
        }
      }
  });

  it('every position of the inner box lies within the radius less 0.1 km', () => {
    for (const lat of LATITUDES)
      for (const r of RADII) {
        const inner = innerBoxHalfSizes(lat, r);
        if (!inner) {
          expect(r).toBeLessThan(0.2);
          continue;
        }
        for (let i = 0; i <= 20; i++)
          for (let j = 0; j <= 20; j++) {
            const pLat = lat - inner.dLat + (i / 10) * inner.dLat;
            if (Math.abs(pLat) > 90) continue;
            const pLon = 10 - inner.dLon + (j / 10) * inner.dLon;
            expect(haversineKm(lat, 10, pLat, pLon)).toBeLessThanOrEqual(r - 0.1 + 1e-9);
          }
        // And it is worth having: most of the circle's latitude span.
        expect(inner.dLat).toBeGreaterThan(((r - 0.1) / EARTH_RADIUS_KM / rad) * 0.7);
      }
  });
});

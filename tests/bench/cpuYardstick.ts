import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { round } from './latencyStats.js';

const WARM_UP_ROUNDS = 10;
const ROUNDS = 15;
const ENTRIES = 4_000;

/**
 * This VM's speed moves by a factor of two to three over a day with no
 * steal time in /proc/stat, so runs of different hours cannot be compared
 * by their numbers alone. The yardstick is a fixed piece of single-threaded
 * work of the kind the federation does per request (allocate objects,
 * serialize and parse JSON, hash), timed on an idle machine: the median of
 * 15 rounds in ms, after 10 rounds for V8 to compile it. Compare two runs' numbers only after comparing their
 * yardsticks; a run's own ratios (workload to workload, gateway to gateway)
 * do not need it.
 */
export function cpuYardstickMs(): number {
  const times: number[] = [];
  for (let r = 0; r < WARM_UP_ROUNDS + ROUNDS; r++) {
    const started = performance.now();
    const rows = Array.from({ length: ENTRIES }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Servicio de apoyo ${i}`,
      categories: ['LEGAL_AID', 'SHELTER', i % 2 === 0 ? 'HEALTH' : 'HOUSING'],
      distanceKm: ((i * 7919) % 1000) / 10,
    }));
    const text = JSON.stringify({ data: { services: { edges: rows.map((node) => ({ node })) } } });
    const parsed = JSON.parse(text) as { data: { services: { edges: unknown[] } } };
    const digest = createHash('sha256').update(text).digest('hex');
    if (parsed.data.services.edges.length !== ENTRIES || digest.length !== 64) throw new Error('yardstick broke');
    if (r >= WARM_UP_ROUNDS) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)] ?? 0, 2);
}

import { DEMO_PLACES, SeededRandom } from '@amparo/kit';
import { bulkLoadServices } from '@amparo/subgraph-services/bench';
import { graphqlData } from '../graphqlAnswer.js';
import { operation, type LatencyWorkload } from '../domainWorkload.js';

const QUERY = `query CatalogueNearby($filter: ServiceFilter, $near: NearInput!) {
  services(filter: $filter, near: $near, first: 20) {
    totalCount
    edges { distanceKm node { id name(language: "es") categories city openNow organization { id name } } }
  }
}`;

interface Answer {
  services: {
    totalCount: number;
    edges: {
      distanceKm: number | null;
      node: { id: string; name: string; categories: string[]; organization: { id: string; name: string } | null };
    }[];
  };
}

/** Confidential locations are answered rounded to about 11 km. */
const ROUNDING_KM = 12;
const CATEGORY_PAIRS = [
  ['LEGAL_AID', 'ACCESS_TO_JUSTICE'],
  ['SHELTER', 'HOUSING'],
  ['HEALTH', 'SEXUAL_AND_REPRODUCTIVE_HEALTH'],
  ['PSYCHOSOCIAL_SUPPORT', 'GENDER_BASED_VIOLENCE_RESPONSE'],
] as const;
const TEXTS = ['mujeres', 'jurídica', 'albergue', 'salud'] as const;

/**
 * Public catalogue search with distance, no token: the `services` query with
 * `near` (25–100 km around a town on the routes, jittered), alone, with
 * categories and a language, or with free text; first page of 20 by distance.
 */
export const catalogueSearch: LatencyWorkload = {
  name: 'catalogue-search',
  description: 'public catalogue search with distance (services(near:, filter:), first 20, no token)',
  targetP95Ms: 50,
  subgraphs: ['services'],
  async prepare({ federation, settings, progress }) {
    progress(`services: topping the catalogue up to ${settings.services} services…`);
    const started = Date.now();
    const services = await bulkLoadServices(await federation.database('services'), settings.services);
    progress(`services: ${services} services in the catalogue (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const random = new SeededRandom('domain-bench:catalogue');
    let answers = 0;
    let nonEmpty = 0;
    return {
      dataset: { services },
      next() {
        const place = random.pick(DEMO_PLACES);
        const radiusKm = random.pick([25, 50, 50, 100]);
        const near = {
          latitude: place.latitude + (random.next() - 0.5) * 0.2,
          longitude: place.longitude + (random.next() - 0.5) * 0.2,
          radiusKm,
        };
        const variant = random.int(0, 2);
        const categories: string[] | null = variant === 1 ? [...random.pick(CATEGORY_PAIRS)] : null;
        const filter =
          variant === 0 ? null : variant === 1 ? { categories, languages: ['spa'] } : { text: random.pick(TEXTS) };
        return {
          body: operation(QUERY, { filter, near }),
          check(status, text) {
            const answer = graphqlData<Answer>(status, text);
            if ('problem' in answer) return answer.problem;
            const { totalCount, edges } = answer.data.services;
            if (!Array.isArray(edges) || edges.length > 20 || edges.length > totalCount) return 'wrong page size';
            answers++;
            if (edges.length > 0) nonEmpty++;
            let previous = 0;
            for (const edge of edges) {
              const d = edge.distanceKm;
              if (typeof d !== 'number' || d > radiusKm + ROUNDING_KM) return 'distance missing or beyond the radius';
              if (d + ROUNDING_KM < previous) return 'not ordered by distance';
              previous = d;
              if (!edge.node.id || !edge.node.name || !edge.node.organization?.name) return 'service without id/name';
              if (categories && !edge.node.categories.some((c) => categories.includes(c)))
                return 'category filter ignored';
            }
            return null;
          },
        };
      },
      observed() {
        const seen = { answers, answersWithServices: nonEmpty };
        answers = 0;
        nonEmpty = 0;
        return seen;
      },
    };
  },
};

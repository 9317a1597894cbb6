import { demoId } from './demoId.js';
import { DEMO_PLACES, type DemoPlace } from './region.js';

/** Kinds of organisation; the firewall refuses IMMIGRATION_ENFORCEMENT whatever else holds. */
export const ORGANIZATION_KINDS = [
  'NGO',
  'SHELTER',
  'CONSULATE',
  'INTERPRETER_NETWORK',
  'HEALTH_PROVIDER',
  'LEGAL_AID',
  'GOVERNMENT_STATISTICS',
  'INTERNATIONAL_ORGANIZATION',
  'IMMIGRATION_ENFORCEMENT',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface DemoOrganization {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly place: DemoPlace;
}

const PREFIXES: Record<OrganizationKind, string> = {
  NGO: 'Red de Apoyo a Mujeres Migrantes',
  SHELTER: 'Casa Refugio',
  CONSULATE: 'Consulado',
  INTERPRETER_NETWORK: 'Red de Intérpretes',
  HEALTH_PROVIDER: 'Clínica Comunitaria',
  LEGAL_AID: 'Defensoría Jurídica',
  GOVERNMENT_STATISTICS: 'Instituto Nacional de Estadística',
  INTERNATIONAL_ORGANIZATION: 'Oficina Regional',
  IMMIGRATION_ENFORCEMENT: 'Servicio de Control Migratorio',
};

function kindOf(index: number): OrganizationKind {
  // A fixed, documented mix, so every kind exists and tests can find one.
  const cycle: OrganizationKind[] = [
    'NGO',
    'SHELTER',
    'NGO',
    'LEGAL_AID',
    'SHELTER',
    'HEALTH_PROVIDER',
    'CONSULATE',
    'NGO',
  ];
  if (index === 60) return 'INTERPRETER_NETWORK';
  if (index === 61) return 'GOVERNMENT_STATISTICS';
  if (index === 62) return 'INTERNATIONAL_ORGANIZATION';
  if (index === 63) return 'IMMIGRATION_ENFORCEMENT';
  return cycle[index % cycle.length] as OrganizationKind;
}

/** The demo organisations every subgraph's seed agrees on (64 of them). */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = Array.from({ length: 64 }, (_, index) => {
  const place = DEMO_PLACES[index % DEMO_PLACES.length] as DemoPlace;
  const kind = kindOf(index);
  return { index, id: demoId('organization', index), kind, place, name: `${PREFIXES[kind]} ${place.city}` };
});

/** Organisations that own cases and services (they assist women directly). */
export const DEMO_PROVIDER_ORGANIZATIONS = DEMO_ORGANIZATIONS.filter((o) =>
  ['NGO', 'SHELTER', 'LEGAL_AID', 'HEALTH_PROVIDER'].includes(o.kind),
);

/** How many demo records of each kind the seeds create at scale 1. */
export const DEMO_SIZES = {
  services: 600,
  cases: 5_000,
  interpreters: 320,
  foundPersons: 10_000,
  searchRequests: 2_000,
} as const;

/** The service with demo index `i`, as the services seed creates it. */
export function demoServiceId(index: number): string {
  return demoId('service', index);
}

/** A row of `services` as the resolvers see it. */
export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  default_language: string;
  categories: string[];
  phases: string[];
  country: string;
  area: string | null;
  city: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  confidential_location: boolean;
  languages: string[];
  accessibility: string[];
  populations: string[];
  cost_kind: string;
  cost_description: string | null;
  time_zone: string;
  open_around_the_clock: boolean;
  contacts: ContactChannel[];
  serves_regardless_of_status: boolean;
  requires_identity_document: boolean;
  status: string;
  verification_status: string;
  verified_on: string | null;
  version: number;
}

export interface ContactChannel {
  kind: string;
  value: string;
}

export const SERVICE_COLUMNS = `id, organization_id, name, description, default_language, categories, phases, country,
  area, city, address, latitude, longitude, confidential_location, languages, accessibility, populations, cost_kind,
  cost_description, time_zone, open_around_the_clock, contacts, serves_regardless_of_status,
  requires_identity_document, status, verification_status, verified_on, version`;

/**
 * Maps a row to the GraphQL `Service` shape. The exact place of a
 * confidential location (a shelter) never leaves this function: the public
 * shape keeps only the area; `exactLocation` is for the @requires-guarded
 * field and HSDS never reads it.
 */
export function toService(row: ServiceRow) {
  const hidden = row.confidential_location;
  return {
    id: row.id,
    organizationId: row.organization_id,
    defaultName: row.name,
    defaultDescription: row.description,
    defaultLanguage: row.default_language,
    categories: row.categories,
    phases: row.phases,
    country: row.country.trim(),
    area: row.area,
    city: hidden ? null : row.city,
    address: hidden ? null : row.address,
    latitude: hidden ? null : row.latitude,
    longitude: hidden ? null : row.longitude,
    locationIsConfidential: hidden,
    exactLocation: { city: row.city, address: row.address, latitude: row.latitude, longitude: row.longitude },
    languages: row.languages,
    accessibility: row.accessibility,
    populations: row.populations,
    cost: { kind: row.cost_kind, description: row.cost_description },
    timeZone: row.time_zone,
    openAroundTheClock: row.open_around_the_clock,
    contacts: row.contacts,
    servesRegardlessOfMigrationStatus: row.serves_regardless_of_status,
    requiresIdentityDocument: row.requires_identity_document,
    status: row.status,
    verificationStatus: row.verification_status,
    lastVerifiedOn: row.verified_on,
    version: row.version,
  };
}

export type Service = ReturnType<typeof toService>;

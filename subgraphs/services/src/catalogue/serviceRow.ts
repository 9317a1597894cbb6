/** A row of `services` as the resolvers see it. */
export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  categories: string[];
  phases: string[];
  country: string;
  area: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  languages: string[];
  serves_regardless_of_status: boolean;
  requires_identity_document: boolean;
  status: string;
}

export const SERVICE_COLUMNS = `id, organization_id, name, description, categories, phases, country, area, city,
  latitude, longitude, languages, serves_regardless_of_status, requires_identity_document, status`;

/** Maps a row to the GraphQL `Service` shape. */
export function toService(row: ServiceRow) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    categories: row.categories,
    phases: row.phases,
    country: row.country.trim(),
    area: row.area,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    languages: row.languages,
    servesRegardlessOfMigrationStatus: row.serves_regardless_of_status,
    requiresIdentityDocument: row.requires_identity_document,
    status: row.status,
  };
}

export type Service = ReturnType<typeof toService>;

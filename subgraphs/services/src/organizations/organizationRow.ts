export interface OrganizationRow {
  id: string;
  name: string;
  kind: string;
  country: string;
  city: string | null;
}

export function toOrganization(row: OrganizationRow) {
  return { id: row.id, name: row.name, kind: row.kind, country: row.country.trim(), city: row.city };
}

export type Organization = ReturnType<typeof toOrganization>;

/** A row of `interpreter_certifications`; dates arrive as 'YYYY-MM-DD' on both stores. */
export interface CertificationRow {
  id: string;
  interpreter_id: string;
  issuer: string;
  issued_on: string;
  expires_on: string | null;
}

export const CERTIFICATION_COLUMNS = 'id, interpreter_id, issuer, issued_on, expires_on';

/** Maps a row to the GraphQL `Certification` shape. */
export function toCertification(row: CertificationRow) {
  return {
    id: row.id,
    interpreterId: row.interpreter_id,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
  };
}

export type Certification = ReturnType<typeof toCertification>;

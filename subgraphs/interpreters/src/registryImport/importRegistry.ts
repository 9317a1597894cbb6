import { appendAuditEvents, type Database, type Queryable } from '@amparo/kit';
import { insertRows } from '@amparo/kit';
import { CsvSyntaxError, parseCsv } from './parseCsv.js';
import {
  REGISTRY_COLUMNS,
  REQUIRED_COLUMNS,
  parseRegistryRow,
  type RegistryRecord,
  type RowError,
} from './parseRegistryRow.js';

export interface ImportOptions {
  /** Import the good rows even when some are malformed (they are reported and left out). @default false */
  readonly skipBadRows?: boolean;
  /** Who runs the import, for the audit trail. @default 'cli:import-registry' */
  readonly actor?: string;
}

export interface ImportResult {
  /** False when nothing was written. */
  readonly imported: boolean;
  readonly created: number;
  readonly updated: number;
  /** Data rows left out because they are malformed. */
  readonly skipped: number;
  readonly errors: readonly RowError[];
}

const nothing = (errors: RowError[], skipped = 0): ImportResult => ({
  imported: false,
  created: 0,
  updated: 0,
  skipped,
  errors,
});

/**
 * Imports an official registry of interpreters from CSV (columns:
 * REGISTRY_COLUMNS, first row is the header). Idempotent: interpreters are
 * upserted by `registry_id`, and their languages, certifications and weekly
 * availability are replaced by the file's, so importing a file twice leaves
 * the registry as importing it once. Every malformed row is reported with its
 * line; unless `skipBadRows`, one bad row means nothing is imported. A broken
 * file (unclosed quote, bad header) never imports anything.
 */
export async function importRegistry(db: Database, csv: string, options: ImportOptions = {}): Promise<ImportResult> {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return nothing([{ line: error.line, column: null, message: error.message }]);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return nothing([{ line: 1, column: null, message: 'the file is empty' }]);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const headerErrors: RowError[] = [];
  for (const name of names) {
    if (!(REGISTRY_COLUMNS as readonly string[]).includes(name))
      headerErrors.push({ line: header.line, column: name, message: 'unknown column' });
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!names.includes(name))
      headerErrors.push({ line: header.line, column: name, message: 'required column missing' });
  }
  if (new Set(names).size !== names.length)
    headerErrors.push({ line: header.line, column: null, message: 'a column is named twice' });
  if (headerErrors.length > 0) return nothing(headerErrors);

  const valid: RegistryRecord[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      errors.push({
        line: row.line,
        column: null,
        message: `has ${row.fields.length} fields, the header has ${names.length}`,
      });
      continue;
    }
    const parsed = parseRegistryRow(row.line, (column) => row.fields[names.indexOf(column)] ?? '');
    if (Array.isArray(parsed)) {
      errors.push(...parsed);
      continue;
    }
    const first = seen.get(parsed.registryId);
    if (first !== undefined) {
      errors.push({ line: row.line, column: 'registry_id', message: `repeats the registry_id of line ${first}` });
      continue;
    }
    seen.set(parsed.registryId, row.line);
    valid.push(parsed);
  }
  const skipped = new Set(errors.map((e) => e.line)).size;
  if (errors.length > 0 && !options.skipBadRows) return nothing(errors, skipped);

  const { created, ids } = await db.transaction(async (tx) => {
    let createdCount = 0;
    const upserted: string[] = [];
    for (const record of valid) {
      const { id, created: isNew } = await upsertInterpreter(tx, record);
      if (isNew) createdCount++;
      upserted.push(id);
    }
    await appendAuditEvents(tx, 'interpreters', [
      {
        requestId: `import-${Date.now()}`,
        principalSub: options.actor ?? 'cli:import-registry',
        role: 'admin',
        organizationId: null,
        purpose: 'registry import',
        operationName: null,
        operationHash: null,
        action: 'WRITE',
        recordType: 'Interpreter',
        recordIds: upserted.slice(0, 1_000),
        fields: ['registry import'],
      },
    ]);
    return { created: createdCount, ids: upserted };
  });
  return { imported: ids.length > 0, created, updated: ids.length - created, skipped, errors };
}

async function upsertInterpreter(tx: Queryable, r: RegistryRecord): Promise<{ id: string; created: boolean }> {
  // xmax = 0 only on a freshly inserted row version: tells created from updated on both stores.
  const [row] = await tx.query<{ id: string; created: boolean }>(
    `INSERT INTO interpreters (registry_id, display_name, spheres, countries, time_zone, modalities, gender, communities, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (registry_id) DO UPDATE SET display_name = EXCLUDED.display_name, spheres = EXCLUDED.spheres,
       countries = EXCLUDED.countries, time_zone = EXCLUDED.time_zone, modalities = EXCLUDED.modalities,
       gender = EXCLUDED.gender, communities = EXCLUDED.communities, status = EXCLUDED.status,
       version = interpreters.version + 1, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [r.registryId, r.displayName, r.spheres, r.countries, r.timeZone, r.modalities, r.gender, r.communities, r.status],
  );
  if (!row) throw new Error('upsert returned no row');
  for (const table of ['interpreter_languages', 'interpreter_certifications', 'interpreter_weekly_availability']) {
    await tx.query(`DELETE FROM ${table} WHERE interpreter_id = $1`, [row.id]);
  }
  await insertRows(
    tx,
    'interpreter_languages',
    ['interpreter_id', 'from_language', 'to_language', 'direction', 'proficiency'],
    r.languages.map((l) => [row.id, l.from, l.to, l.direction, l.proficiency]),
  );
  await insertRows(
    tx,
    'interpreter_certifications',
    ['interpreter_id', 'issuer', 'issued_on', 'expires_on'],
    r.certifications.map((c) => [row.id, c.issuer, c.issuedOn, c.expiresOn]),
  );
  await insertRows(
    tx,
    'interpreter_weekly_availability',
    ['interpreter_id', 'day_of_week', 'starts_at', 'ends_at'],
    r.weekly.map((w) => [row.id, w.dayOfWeek, w.startsAt, w.endsAt]),
  );
  return row;
}

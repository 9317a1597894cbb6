import type { Database, DatabaseOptions } from './Database.js';
import { openPglite } from './openPglite.js';
import { openPostgres } from './openPostgres.js';

/** PostgreSQL when `url` is given, otherwise the embedded PGlite store. */
export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres({ ...options, url: options.url }) : openPglite(options);
}

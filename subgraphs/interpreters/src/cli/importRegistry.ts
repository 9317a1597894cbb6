import { readFile } from 'node:fs/promises';
import { describeStartupError, loadSubgraphConfig, migrateSubgraph, openDatabase } from '@amparo/kit';
import { interpretersSubgraph } from '../definition.js';
import { importRegistry } from '../registryImport/importRegistry.js';

// npm run import-registry -w @amparo/subgraph-interpreters -- <file.csv> [--skip-bad-rows]
const args = process.argv.slice(2);
const skipBadRows = args.includes('--skip-bad-rows');
const files = args.filter((a) => !a.startsWith('--'));
const out = (line: string) => process.stdout.write(`${line}\n`);

if (files.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--skip-bad-rows')) {
  process.stderr.write('usage: import-registry <file.csv> [--skip-bad-rows]\n');
  process.exitCode = 2;
} else {
  try {
    const csv = await readFile(files[0] as string, 'utf8');
    const config = loadSubgraphConfig(interpretersSubgraph.name, interpretersSubgraph.defaultPort);
    const db = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      schema: interpretersSubgraph.name,
      extensions: interpretersSubgraph.extensions ?? [],
    });
    try {
      await migrateSubgraph(db, interpretersSubgraph);
      const result = await importRegistry(db, csv, { skipBadRows });
      // Messages name the line, the column and the malformed code or format; never a name from the file.
      for (const e of result.errors) out(`line ${e.line}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
      if (result.imported) {
        out(`imported: ${result.created} created, ${result.updated} updated, ${result.skipped} rows skipped`);
      } else {
        out(
          result.errors.length > 0
            ? 'nothing imported (use --skip-bad-rows to import the good rows)'
            : 'nothing to import',
        );
      }
      if (result.errors.length > 0 && !result.imported) process.exitCode = 1;
    } finally {
      await db.close();
    }
  } catch (error) {
    process.stderr.write(`import-registry: ${describeStartupError(error)}\n`);
    process.exitCode = 1;
  }
}

// Applies pending migrations at start-up. On a PostgreSQL server an advisory lock makes several
// instances starting at once take turns; PGlite is single-process, so it needs none.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { NO_FILTERS, openSchemaEngine, readMigrations } from "./schema-engine.js";

const MIGRATION_LOCK_ID = 727_001;

export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

/** Names of the migrations the database has finished, or undefined when it has no record yet. */
async function appliedNames(runner: SqlRunner): Promise<Set<string> | undefined> {
  try {
    const res = (await runner.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)) as {
      rows: { migration_name: string }[];
    };
    return new Set(res.rows.map((r) => r.migration_name));
  } catch {
    return undefined;
  }
}

/**
 * Applies what is pending. A database that already has every migration is left alone without
 * loading the schema engine (WebAssembly, seconds on a small machine): that is every start but
 * the first after a deploy.
 */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, lockConnection?: SqlRunner, reader?: SqlRunner): Promise<string[]> {
  if (lockConnection) await lockConnection.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  const migrationsList = await readMigrations();
  const runner = lockConnection ?? reader;
  const applied = runner ? await appliedNames(runner) : undefined;
  if (applied && migrationsList.migrationDirectories.every((m) => applied.has(m.path))) {
    if (lockConnection) await lockConnection.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    return [];
  }
  const engine = await openSchemaEngine(factory);
  try {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS } as never);
    return (out as { appliedMigrationNames: string[] }).appliedMigrationNames;
  } finally {
    engine.free();
    if (lockConnection) await lockConnection.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
}

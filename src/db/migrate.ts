// Applies pending migrations at start-up. On a PostgreSQL server an advisory lock makes several
// instances starting at once take turns; PGlite is single-process, so it needs none.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { NO_FILTERS, openSchemaEngine, readMigrations } from "./schema-engine.js";

const MIGRATION_LOCK_ID = 727_001;

export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  lockConnection?: SqlRunner,
): Promise<string[]> {
  if (lockConnection) await lockConnection.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  const engine = await openSchemaEngine(factory);
  try {
    const migrationsList = await readMigrations();
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS } as never);
    return (out as { appliedMigrationNames: string[] }).appliedMigrationNames;
  } finally {
    engine.free();
    if (lockConnection) await lockConnection.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
}

// A migrated database for tests: in-memory PGlite (one per test file), or the PostgreSQL server in
// DATABASE_URL for the pg suite. `reset()` empties every table between tests.
import { openDatabase, type Database } from "../../src/infra/db/database.js";

export async function openTestDb(databaseUrl?: string): Promise<Database & { reset(): Promise<void> }> {
  const db = await openDatabase({ dataDir: "memory://", databaseUrl, startTimeoutMs: 60_000 });
  return {
    ...db,
    async reset() {
      const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
      );
      await db.prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
    },
  };
}

/** Every text column of every table, for scans that prove personal data is gone. */
export async function dumpAllText(db: Database): Promise<string> {
  const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${tablename}"`);
    parts.push(`${tablename}: ${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

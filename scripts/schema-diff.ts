// SQL that would bring prisma/migrations up to prisma/schema.prisma, computed on a throwaway
// in-memory PGlite (the WASM engine cannot diff a live server).
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { NO_FILTERS, SCHEMA_PATH, openSchemaEngine, readMigrations } from "../src/infra/db/schema-engine.js";

export async function schemaDiff(): Promise<string> {
  const pglite = await PGlite.create("memory://");
  const engine = await openSchemaEngine(new PrismaPGlite(pglite));
  try {
    const migrations = await readMigrations();
    const content = await readFile(SCHEMA_PATH, "utf8");
    const res = await engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTERS,
    } as never);
    return (res as { stdout: string }).stdout;
  } finally {
    engine.free();
    await pglite.close();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === "" || sql.includes("This is an empty migration.");
}

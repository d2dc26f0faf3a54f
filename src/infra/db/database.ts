// Opens the database: embedded PGlite in DATA_DIR when DATABASE_URL is unset, else a PostgreSQL
// server. Both get the same schema through the same migrations, applied here at start-up.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { MentorbroError } from "../../core/errors.js";
import { PrismaClient } from "../../generated/prisma/client.js";
import { applyMigrations } from "./migrate.js";
import { createScrubber, type Scrubber } from "./scrub.js";

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Makes erased data unreadable in the database's files (src/db/scrub.ts); already run once at open. */
  scrub: Scrubber;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder for the embedded database, or "memory://" for tests. */
  dataDir: string;
  startTimeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MentorbroError("DB_START_TIMEOUT", `${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const timeoutMs = opts.startTimeoutMs ?? 30_000;
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, timeoutMs) : openPglite(opts.dataDir, timeoutMs);
}

async function openPglite(dataDir: string, timeoutMs: number): Promise<Database> {
  let location = dataDir;
  const onDisk = !dataDir.startsWith("memory://");
  if (onDisk) {
    location = join(resolve(dataDir), "pglite");
    await mkdir(location, { recursive: true });
  }
  // Old WAL segments are unlinked, not renamed for reuse with their old contents: the scrub after
  // an erasure relies on it (src/db/scrub.ts).
  const startParams = onDisk ? [...PGlite.defaultStartParams, "-c", "wal_recycle=off"] : undefined;
  // A folder left by a killed process once hung on reopen (notes/prisma.md): a timeout turns that into an error.
  const pglite = await withTimeout(PGlite.create(location, startParams ? { startParams } : {}), timeoutMs, "Opening the embedded database");
  const factory = new PrismaPGlite(pglite);
  await withTimeout(applyMigrations(factory, undefined, pglite), timeoutMs * 4, "Applying migrations");
  const prisma = new PrismaClient({ adapter: factory });
  const scrub = createScrubber(prisma, onDisk ? "rewrite" : "off");
  // An erasure committed just before a crash is scrubbed before anything else runs. A failure
  // must not keep the bot from starting: the marker stays, and the next tick retries and logs.
  await scrub.runIfPending().catch(() => undefined);
  return {
    prisma,
    kind: "pglite",
    scrub,
    ping: async () =>
      pglite.query("SELECT 1").then(
        () => true,
        () => false,
      ),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string, timeoutMs: number): Promise<Database> {
  const lock = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await lock.connect();
  } catch (cause) {
    throw new MentorbroError("DB_UNAVAILABLE", "Cannot connect to the PostgreSQL server in DATABASE_URL", { cause });
  }
  try {
    await withTimeout(applyMigrations(new PrismaPg({ connectionString: url }), lock), timeoutMs * 4, "Applying migrations");
  } finally {
    await lock.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  const scrub = createScrubber(prisma, "vacuum");
  await scrub.runIfPending().catch(() => undefined);
  return {
    prisma,
    kind: "postgres",
    scrub,
    ping: async () =>
      prisma.$queryRawUnsafe("SELECT 1").then(
        () => true,
        () => false,
      ),
    close: () => prisma.$disconnect(),
  };
}

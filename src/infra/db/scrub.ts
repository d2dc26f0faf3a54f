// Erased rows are gone from every table, but not from the database's files: a deleted or updated
// row stays as a dead tuple in its table and index pages, ANALYZE keeps sampled values in
// pg_statistic, and the WAL holds every write (full page images included) until its segment is
// removed — and PostgreSQL recycles old segments by renaming them, contents and all. `strings` on
// the data folder read a deleted person's name and answers there (issue 13, point 5).
//
// So every erasure leaves a marker in the same transaction, and after it commits (or at the next
// start, when a crash came between) the scrubber makes the bytes unreadable:
// - embedded PGlite on disk ("rewrite"): VACUUM FULL writes each table and its indexes to new files
//   and unlinks the old ones; tables with statistics are re-sampled and pg_statistic rewritten;
//   then the WAL moves to a new segment and a checkpoint removes the old ones (PGlite is opened
//   with wal_recycle=off, so they are unlinked, not renamed for reuse). Measured: 0.4–1 s of
//   CPU with 1,000 or 5,000 people (bench/scrub.ts). Safe with traffic: PGlite runs one
//   statement at a time and waits for open transactions, and each VACUUM FULL is atomic.
// - a PostgreSQL server ("vacuum"): VACUUM FULL takes an exclusive lock that would stall every
//   instance, and CHECKPOINT/pg_switch_wal need rights the application should not have. So the
//   server gets a plain VACUUM (dead tuples become reusable space, index entries go) and ANALYZE
//   (no erased value stays in the statistics); the rest — WAL, archives, backups — is the
//   operator's, as the README's "Erasure and your backups" says.
// Crypto-shredding (a per-person key, deleted on erasure) was weighed against this and rejected:
// the key would live in the same database, where a deleted row stays readable (measured: a name
// deleted and checkpointed is still in the table file and WAL), so it needs this scrub anyway —
// and it would break searching people by name.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "./database.js";

export const SCRUB_PENDING = "disk_scrub_pending";

export type ScrubMode = "rewrite" | "vacuum" | "off";

/** Marks, inside the erasing transaction, that the files still hold erased bytes. */
export async function requestScrub(tx: Prisma.TransactionClient | Db): Promise<void> {
  // A new token each time: a scrub that started before this erasure must not clear its marker.
  const value = JSON.stringify({ token: randomUUID() });
  await tx.$executeRaw`INSERT INTO "Setting" (key, value) VALUES (${SCRUB_PENDING}, ${value}::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
}

export interface ScrubResult {
  mode: ScrubMode;
  ms: number;
  /** Statements that failed (on a server, e.g. missing rights); the marker is cleared anyway. */
  failed: number;
}

export interface Scrubber {
  /** Scrubs when an erasure left a marker; calls run one after another. Undefined when nothing was pending. */
  runIfPending(): Promise<ScrubResult | undefined>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function ownTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  return rows.map((r) => r.name);
}

/** Tables ANALYZE has sampled: their statistics may hold erased values until re-sampled. */
async function analysedTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT DISTINCT c.relname AS name FROM pg_statistic s
    JOIN pg_class c ON c.oid = s.starelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'`;
  return rows.map((r) => r.name);
}

/**
 * Re-samples the tables that have statistics. ANALYZE of an empty table keeps the old figures, so
 * an emptied table's statistics are deleted (superuser, as PGlite's user is; elsewhere it fails
 * and counts as failed: the README tells the operator).
 */
async function refreshStatistics(db: Db, analyse: (table: string) => Promise<unknown>): Promise<number> {
  let failed = 0;
  for (const t of await analysedTables(db)) {
    await analyse(t);
    // ANALYZE just counted the rows; reading the table itself could wait on another session's lock.
    const [row] = await db.$queryRawUnsafe<{ rows: number }[]>(`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = $1::regclass`, quote(t));
    if (row?.rows === 0) await db.$executeRawUnsafe(`DELETE FROM pg_statistic WHERE starelid = $1::regclass`, quote(t)).catch(() => failed++);
  }
  return failed;
}

async function rewriteFiles(db: Db): Promise<number> {
  for (const t of await ownTables(db)) await db.$executeRawUnsafe(`VACUUM FULL ${quote(t)}`);
  const failed = await refreshStatistics(db, (t) => db.$executeRawUnsafe(`ANALYZE ${quote(t)}`));
  await db.$executeRawUnsafe(`VACUUM FULL pg_statistic`);
  // The checkpoint's redo point must lie in a fresh segment for every older one to be removed.
  await db.$executeRawUnsafe(`CHECKPOINT`);
  await db.$executeRawUnsafe(`SELECT pg_switch_wal()::text`);
  await db.$executeRawUnsafe(`CHECKPOINT`);
  return failed;
}

async function vacuum(db: Db): Promise<number> {
  let failed = 0;
  // SKIP_LOCKED: a table another session holds locked (or another instance vacuums) is skipped
  // rather than stalling this instance; autovacuum gets to it.
  for (const t of await ownTables(db)) await db.$executeRawUnsafe(`VACUUM (SKIP_LOCKED) ${quote(t)}`).catch(() => failed++);
  return failed + (await refreshStatistics(db, (t) => db.$executeRawUnsafe(`ANALYZE (SKIP_LOCKED) ${quote(t)}`).catch(() => failed++)));
}

export function createScrubber(db: Db, mode: ScrubMode): Scrubber {
  let queue: Promise<unknown> = Promise.resolve();
  const once = async (): Promise<ScrubResult | undefined> => {
    if (mode === "off") return undefined;
    const rows = await db.$queryRaw<{ value: string }[]>`SELECT value::text AS value FROM "Setting" WHERE key = ${SCRUB_PENDING}`;
    const token = rows[0]?.value;
    if (token === undefined) return undefined;
    const started = performance.now();
    const failed = mode === "rewrite" ? await rewriteFiles(db) : await vacuum(db);
    await db.$executeRaw`DELETE FROM "Setting" WHERE key = ${SCRUB_PENDING} AND value = ${token}::jsonb`;
    return { mode, ms: Math.round(performance.now() - started), failed };
  };
  return {
    runIfPending() {
      const run = queue.then(once);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

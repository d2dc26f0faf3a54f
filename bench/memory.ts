// Memory per idle user: a running Mentorbro with 1,000 / 10,000 / 100,000 people who have started a
// conversation, on the embedded database (PGlite, in this process) in a temp folder.
//   npx tsx bench/memory.ts [--sizes 1000,10000,100000] [--smoke]
// Per size, a child process (node --expose-gc) opens a fresh folder, lets the real core create one
// person ("hej", then the first intake answer), clones that person's person/identity/conversation
// rows N times with createMany in batches, and measures after a full GC before and after. A second
// child then starts on the populated folder (a restart) and measures again. Mentorbro keeps no
// per-person state in memory, so JS heap per user should be ~0; "external" holds PGlite's wasm
// memory (the database's own buffers and catalogue cache), reported apart.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { createApp } from "../src/app.js";
import { systemClock } from "../src/core/clock.js";
import type { Channel, OutboundMessage, Platform } from "../src/core/messages.js";
import { openDatabase, type Database } from "../src/infra/db/database.js";
import { t } from "../src/core/i18n/index.js";
import { ensureProgramme } from "../src/infra/seed/programme.js";
import { parseArgs } from "./lib/args.js";
import { mib, table } from "./lib/stats.js";

interface Mem {
  rss: number;
  heapUsed: number;
  external: number;
}
const BATCH = 5_000;
const FIRST_CLONE = 100_000;
const TEMPLATE = "telegram:1";

function measure(): Mem {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (the parent process does this)");
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(dir, e.name);
    return sum + (e.isDirectory() ? folderBytes(p) : e.isFile() ? statSync(p).size : 0);
  }, 0);
}

/** The real core, with a channel that drops what it sends; one message from a known person warms it. */
async function startCore(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  await ensureProgramme(database.prisma);
  const drop: Channel = { platform: "telegram", send: async () => undefined };
  const app = createApp({
    db: database.prisma,
    clock: systemClock,
    logger: pino({ level: "silent" }),
    channels: new Map<Platform, Channel>([["telegram", drop]]),
    defaultLocale: "da",
    codes: { coordinator: "bench-coordinator" },
    workerId: "bench",
  });
  let n = 0;
  const say = (from: string, text: string) =>
    app.core.handle({ from, text, locale: "da", eventId: `bench:${process.pid}:${n++}`, conversationRef: { chatId: Number(from.split(":")[1]) } });
  return { database, say };
}

/**
 * Clones the template person N times, in batches, inside the database (INSERT … SELECT over
 * generate_series, person ids derived from the number). createMany of 2,000 rows took ~2.5 s on
 * PGlite, and large array parameters left ~100 B/row on the JS heap of the loading process, which
 * would have been counted as per-user memory.
 */
async function cloneTemplate(database: Database, users: number): Promise<void> {
  const db = database.prisma;
  const template = await db.identity.findUniqueOrThrow({ where: { externalId: TEMPLATE }, select: { personId: true } });
  const personId = `md5('mentorbro-bench-' || g.n)::uuid::text`;
  for (let start = 0; start < users; start += BATCH) {
    const range = [FIRST_CLONE + start, FIRST_CLONE + Math.min(users, start + BATCH) - 1] as const;
    await db.$transaction([
      db.$executeRawUnsafe(
        `INSERT INTO "Person" (id, locale, roles) SELECT ${personId}, p.locale, p.roles
         FROM generate_series($1::int, $2::int) AS g(n), "Person" p WHERE p.id = $3`,
        ...range,
        template.personId,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "Identity" (id, "externalId", platform, "personId", "conversationRef")
         SELECT gen_random_uuid()::text, 'telegram:' || g.n, 'telegram', ${personId}, jsonb_build_object('chatId', g.n)
         FROM generate_series($1::int, $2::int) AS g(n)`,
        ...range,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "Conversation" ("personId", "flowId", "flowVersion", step, data, history, seq, "updatedAt")
         SELECT ${personId}, c."flowId", c."flowVersion", c.step, c.data, c.history, c.seq, now()
         FROM generate_series($1::int, $2::int) AS g(n), "Conversation" c WHERE c."personId" = $3`,
        ...range,
        template.personId,
      ),
    ]);
  }
}

/** Child: fresh folder → template person → measure → N clones → measure. */
async function loadPhase(dir: string, users: number) {
  const { database, say } = await startCore(dir);
  await say(TEMPLATE, "hej");
  await say(TEMPLATE, "jeg vil gerne have en mentor");
  await database.prisma.$executeRawUnsafe("CHECKPOINT"); // the empty database's pages on disk
  const diskBefore = folderBytes(dir);
  const before = measure();
  const t0 = performance.now();
  await cloneTemplate(database, users);
  const insertSeconds = (performance.now() - t0) / 1000;
  const after = measure();
  if (users > 0) await expectConsentShare(await say(`telegram:${FIRST_CLONE}`, "ja"));
  const count = await database.prisma.conversation.count();
  await database.close();
  return { before, after, insertSeconds, count, diskBefore };
}

/** A cloned person answering "ja" must get the next intake question: the clones are real conversations. */
async function expectConsentShare(replies: OutboundMessage[]): Promise<void> {
  const want = t("da", "mentee.consent_share");
  if (!replies.some((r) => r.text.includes(want))) throw new Error("a cloned person did not get the next intake question");
}

/** Child: restart on the populated folder, one message from a cloned (or the template) person, measure. */
async function idlePhase(dir: string) {
  const { database, say } = await startCore(dir);
  const count = await database.prisma.conversation.count();
  await expectConsentShare(await say(count > 2 ? `telegram:${FIRST_CLONE + 1}` : TEMPLATE, "ja"));
  const mem = measure();
  await database.close();
  return { mem, count };
}

function child<T>(args: string[]): T {
  const file = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=2048", "--import", "tsx", file, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !last.startsWith("{")) throw new Error(`child ${args[1]} failed (exit ${run.status}): ${run.stdout.slice(-500)}`);
  return JSON.parse(last) as T;
}

async function main(): Promise<void> {
  const args = parseArgs();
  const phase = args.str("phase");
  const dir = args.str("dir");
  if (phase && dir) {
    const out = phase === "load" ? await loadPhase(dir, Number(args.str("users") ?? 0)) : await idlePhase(dir);
    console.log(JSON.stringify(out));
    return;
  }
  const smoke = args.has("smoke");
  const sizes = (args.str("sizes") ?? (smoke ? "1000" : "1000,10000,100000")).split(",").map(Number);
  // A restart costs two more database starts per size; the smoke run skips it.
  const restart = !smoke && !args.has("no-restart");
  const perUser = (a: number, b: number, n: number) => ((b - a) / n).toFixed(0);
  const baseline = restart ? withFolder((dir) => (seed(dir, 0), idle(dir).mem)) : undefined;
  const rows = sizes.map((users) =>
    withFolder((dir) => {
      const load = seed(dir, users);
      const disk = folderBytes(dir);
      const again = restart ? idle(dir).mem : undefined;
      const { before: b, after: a } = load;
      return [
        users,
        (users / load.insertSeconds).toFixed(0),
        mib(b.heapUsed),
        mib(a.heapUsed),
        perUser(b.heapUsed, a.heapUsed, users),
        perUser(b.external, a.external, users),
        perUser(b.rss, a.rss, users),
        again ? mib(again.heapUsed) : "-",
        again && baseline ? perUser(baseline.heapUsed, again.heapUsed, users) : "-",
        again ? mib(again.rss) : "-",
        again && baseline ? perUser(baseline.rss, again.rss, users) : "-",
        mib(disk),
        perUser(load.diskBefore, disk, users),
      ];
    }),
  );
  console.log("memory per idle user, embedded PGlite in the process; B/user = (after − before) / users after a full GC");
  console.log("load = same process before/after inserting; restart = a new process on the folder, vs. one on a folder with 1 user");
  if (baseline)
    console.log(`restart baseline (1 user): heap ${mib(baseline.heapUsed)} MiB, external ${mib(baseline.external)} MiB, rss ${mib(baseline.rss)} MiB`);
  console.log(
    table(
      [
        "users",
        "inserts/s",
        "heap MiB",
        "→ MiB",
        "heap B/user",
        "external B/user",
        "rss B/user",
        "restart heap MiB",
        "B/user",
        "restart rss MiB",
        "B/user",
        "disk MiB",
        "disk B/user",
      ],
      rows,
    ),
  );
}

function withFolder<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "mentorbro-mem-"));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function seed(dir: string, users: number) {
  const load = child<Awaited<ReturnType<typeof loadPhase>>>(["--phase", "load", "--dir", dir, "--users", String(users)]);
  if (load.count !== users + 1) throw new Error(`expected ${users + 1} conversations, found ${load.count}`);
  return load;
}

function idle(dir: string) {
  return child<Awaited<ReturnType<typeof idlePhase>>>(["--phase", "idle", "--dir", dir]);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

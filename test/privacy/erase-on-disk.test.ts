// "Delete my data" must not leave the data readable in the embedded database's folder: a scan of
// every file's raw bytes (WAL segments, table and index files, statistics, the log) finds none of
// the person's unique strings after /delete, after a restart, 30 days later, after the retention
// purge, and after a scrub that a crash cut off. Each test first proves the scan can see them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { FixedClock } from "../../src/core/clock.js";
import type { Channel, OutboundMessage, Platform } from "../../src/core/messages.js";
import { openDatabase, type Database } from "../../src/infra/db/database.js";
import { erasePerson } from "../../src/infra/people/erase.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { T0 } from "../helpers/bot-harness.js";

const DAY = 864e5;
const dirs: string[] = [];
let template = "";
// One migrated folder, copied for each test: migrations take long on a small machine.
beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), "mb-shred-template-"));
  const database = await openDatabase({ dataDir: template });
  await ensureProgramme(database.prisma);
  await database.close();
});
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
afterAll(() => rmSync(template, { recursive: true, force: true }));

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mb-shred-"));
  dirs.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (relative path) whose raw bytes contain one of `needles`. */
function scan(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        for (const n of needles) if (bytes.includes(Buffer.from(n, "utf8"))) hits.push(`${path.slice(dir.length + 1)}: ${n}`);
      }
    }
  };
  walk(dir);
  return hits;
}

interface Bot {
  database: Database;
  app: App;
  clock: FixedClock;
  say(from: string, input: string | { action: string }): Promise<OutboundMessage[]>;
}

/** The real core on a data folder, wired as main.ts wires it. */
async function start(dir: string, at: Date): Promise<Bot> {
  const database = await openDatabase({ dataDir: dir });
  await ensureProgramme(database.prisma);
  const clock = new FixedClock(at);
  const channel: Channel = { platform: "console", send: async () => undefined };
  const app = createApp({
    db: database.prisma,
    clock,
    logger: pino({ level: "silent" }),
    channels: new Map<Platform, Channel>([["console", channel]]),
    defaultLocale: "da",
    codes: { coordinator: "coord-secret" },
    workerId: "disk",
    scrub: database.scrub,
  });
  const say: Bot["say"] = (from, input) => {
    const out: OutboundMessage[] = [];
    const event = typeof input === "string" ? { from, text: input } : { from, action: input.action };
    return app.core.handle(event, async (m) => void out.push(m)).then(() => out);
  };
  return { database, app, clock, say };
}

const NAME = "Zyxquorbel";
const ANSWER = "Qorvantide";
const RISK = "Blimfrastic";

describe("erased data on disk", { timeout: 120_000 }, () => {
  it("is unreadable after /delete, after a restart and 30 days later", async () => {
    const dir = dataDir();
    let bot = await start(dir, T0);
    const from = "console:zyx";
    const inputs = [
      "hej",
      { action: "lang:da" },
      { action: "role:mentee" },
      { action: "yes" },
      { action: "yes" },
      { action: "yes" },
      NAME,
      "1",
      "5",
      "Kemiingeniør",
      `Laborant hos ${ANSWER}`,
      "sundhed",
      "1",
      "1",
      "dansk",
      "Odense",
      "1",
      "i morgen",
      "1",
      "1",
      "1",
      "1",
      "nej",
      "3",
      "3",
      "3",
    ];
    for (const i of inputs) await bot.say(from, i);
    expect((await bot.say(from, { action: "summary:confirm" }))[0]!.text).toContain(NAME);
    await bot.say(from, `${RISK}: jeg vil ikke leve mere`);
    expect(await bot.database.prisma.escalation.count({ where: { excerpt: { contains: RISK } } })).toBe(1);
    // Planner statistics sample column values (a server's autovacuum runs ANALYZE by itself).
    await bot.database.prisma.person.createMany({ data: ["Anne", "Bo", "Carl"].map((displayName) => ({ displayName })) });
    await bot.database.prisma.$executeRawUnsafe("ANALYZE");
    const stats = await bot.database.prisma.$queryRaw<
      { s: string }[]
    >`SELECT histogram_bounds::text AS s FROM pg_stats WHERE tablename = 'Person' AND attname = 'displayName'`;
    expect(stats[0]?.s).toContain(NAME);
    // Written through to the files: the scan sees every string before the erasure.
    await bot.database.close();
    bot = await start(dir, T0);
    const found = scan(dir, [NAME, ANSWER, RISK]).join("\n");
    for (const s of [NAME, ANSWER, RISK]) expect(found).toContain(s);

    await bot.say(from, "slet mine data");
    await bot.say(from, { action: "delete:yes" });
    expect(await bot.database.prisma.person.count({ where: { displayName: NAME } })).toBe(0);
    expect(scan(dir, [NAME, ANSWER, RISK])).toEqual([]);

    await bot.database.close();
    expect(scan(dir, [NAME, ANSWER, RISK])).toEqual([]);
    bot = await start(dir, new Date(T0.getTime() + 30 * DAY));
    await bot.app.tick();
    expect(scan(dir, [NAME, ANSWER, RISK])).toEqual([]);
    // The scrub leaves a working database behind.
    expect((await bot.say("console:next", "hej"))[0]!.buttons?.map((b) => b.action)).toEqual(["lang:da", "lang:en"]);
    await bot.database.close();
  });

  it("is unreadable after the retention purge of someone whose mentorship ended long ago", async () => {
    const dir = dataDir();
    const now = new Date("2028-01-10T09:00:00Z");
    let bot = await start(dir, now);
    const db = bot.database.prisma;
    const programmeId = await ensureProgramme(db);
    const ended = new Date(now.getTime() - 800 * DAY);
    const [mentee, mentor] = await Promise.all([
      db.person.create({ data: { displayName: "Vexmorgrint", roles: ["mentee"], createdAt: new Date(ended.getTime() - 200 * DAY) } }),
      db.person.create({ data: { displayName: "Mentor Ok", roles: ["mentor"] } }),
    ]);
    await db.identity.create({ data: { personId: mentee.id, externalId: "console:vex", platform: "console", lastSeenAt: ended } });
    await db.menteeProfile.create({ data: { personId: mentee.id, programmeId, experience: "Drabquillen", status: "ended" } });
    await db.mentorProfile.create({ data: { personId: mentor.id, programmeId, status: "active" } });
    const match = await db.match.create({
      data: {
        programmeId,
        menteeId: mentee.id,
        mentorId: mentor.id,
        status: "ended",
        startedAt: new Date(ended.getTime() - 180 * DAY),
        endsAt: ended,
        endedAt: ended,
      },
    });
    await db.checkIn.create({
      data: { matchId: match.id, personId: mentee.id, role: "mentee", period: "2025-W40", status: "answered", note: "Snorpelwick", createdAt: ended },
    });
    await db.outbox.create({
      data: {
        dedupeKey: "old-reply",
        recipient: mentor.id,
        kind: "reply",
        payload: { text: "Hej, Vexmorgrint skrev Snorpelwick" },
        dueAt: ended,
        status: "sent",
        sentAt: ended,
      },
    });
    const secrets = ["Vexmorgrint", "Drabquillen", "Snorpelwick"];
    await bot.database.close();
    bot = await start(dir, now);
    const found = scan(dir, secrets).join("\n");
    for (const s of secrets) expect(found).toContain(s);

    await bot.app.tick();
    expect(await bot.database.prisma.person.count({ where: { id: mentee.id } })).toBe(0);
    expect(scan(dir, secrets)).toEqual([]);
    await bot.database.close();
    expect(scan(dir, secrets)).toEqual([]);
  });

  it("is unreadable once the database opens again after a crash between the erasure and the scrub", async () => {
    const dir = dataDir();
    let database = await openDatabase({ dataDir: dir });
    const person = await database.prisma.person.create({ data: { displayName: "Gruntleplix" } });
    await database.prisma.conversation.create({ data: { personId: person.id, data: { answers: { experience: "Wobbelkrantz" } } } });
    await database.close();
    database = await openDatabase({ dataDir: dir });
    const found = scan(dir, ["Gruntleplix", "Wobbelkrantz"]).join("\n");
    for (const s of ["Gruntleplix", "Wobbelkrantz"]) expect(found).toContain(s);
    // The erasure commits; the process dies before anything else runs.
    await database.prisma.$transaction((tx) => erasePerson(tx, person.id, new Date()));
    await database.close();
    expect(scan(dir, ["Gruntleplix", "Wobbelkrantz"])).not.toEqual([]);
    database = await openDatabase({ dataDir: dir });
    expect(scan(dir, ["Gruntleplix", "Wobbelkrantz"])).toEqual([]);
    await database.close();
  });
});

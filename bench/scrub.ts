// What "delete my data" costs on the embedded database's files: a PGlite data folder with N people
// (profiles, conversations, check-ins, goals, alerts, sent replies, audit rows), then one erasure
// and the scrub after it (src/infra/db/scrub.ts), and a retention purge of a batch and its scrub. Also
// checks, as the test does, that no file in the folder still holds the erased strings.
//   npx tsx bench/scrub.ts [--people 1000] [--purge 50]
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/infra/db/database.js";
import { erasePerson } from "../src/infra/people/erase.js";
import { purgeExpired } from "../src/capabilities/privacy/index.js";
import { ensureProgramme } from "../src/infra/seed/programme.js";
import { parseArgs } from "./lib/args.js";

const args = parseArgs();
const PEOPLE = args.num("people", 1000);
const PURGE = args.num("purge", 50);
const NOW = new Date("2030-01-01T09:00:00Z");
const OLD = new Date("2027-01-01T09:00:00Z");

function folderHolds(dir: string, needle: string): boolean {
  const walk = (d: string): boolean =>
    readdirSync(d).some((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : readFileSync(p).includes(Buffer.from(needle));
    });
  return walk(dir);
}

function mb(dir: string): number {
  const walk = (d: string): number =>
    readdirSync(d).reduce((s, n) => s + (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : statSync(join(d, n)).size), 0);
  return Math.round(walk(dir) / 1e5) / 10;
}

const dir = mkdtempSync(join(tmpdir(), "mb-scrub-"));
let database = await openDatabase({ dataDir: dir });
const db = database.prisma;
const programmeId = await ensureProgramme(db);
const ids = Array.from({ length: PEOPLE }, () => randomUUID());
const mentor = randomUUID();
const marker = (i: number) => `Bench${i.toString(36)}Qz`;
await db.person.create({ data: { id: mentor, displayName: "Mentor", roles: ["mentor"] } });
await db.person.createMany({ data: ids.map((id, i) => ({ id, displayName: marker(i), roles: ["mentee"], createdAt: OLD })) });
await db.identity.createMany({ data: ids.map((id) => ({ personId: id, externalId: `telegram:${id}`, platform: "telegram", lastSeenAt: OLD })) });
await db.conversation.createMany({
  data: ids.map((id, i) => ({ personId: id, data: { answers: { name: marker(i), experience: `Laborant i ${i} år, ${"arbejde ".repeat(20)}` } } })),
});
await db.menteeProfile.createMany({
  data: ids.map((id, i) => ({ personId: id, programmeId, experience: `Erfaring ${marker(i)}`, status: i < PURGE ? "ended" : "waiting" })),
});
const matches = ids.map((id, i) => ({
  id: randomUUID(),
  programmeId,
  menteeId: id,
  mentorId: mentor,
  status: "ended",
  startedAt: OLD,
  endsAt: OLD,
  endedAt: i < PURGE ? OLD : NOW,
}));
await db.match.createMany({ data: matches });
await db.checkIn.createMany({
  data: matches.flatMap((m, i) =>
    [1, 2, 3, 4].map((w) => ({
      matchId: m.id,
      personId: m.menteeId,
      role: "mentee",
      period: `2026-W0${w}`,
      status: "answered",
      note: `Note ${marker(i)} uge ${w}`,
      createdAt: OLD,
    })),
  ),
});
await db.goal.createMany({ data: ids.map((id, i) => ({ menteeId: id, text: `Mål for ${marker(i)}` })) });
await db.escalation.createMany({
  data: ids.map((id, i) => ({
    dedupeKey: `risk:${id}`,
    kind: "risk",
    severity: "high",
    personId: id,
    excerpt: `${marker(i)} vil ikke leve mere`,
    createdAt: OLD,
  })),
});
await db.outbox.createMany({
  data: ids.map((id, i) => ({
    dedupeKey: `r:${id}`,
    recipient: id,
    kind: "reply",
    payload: { text: `Tak, ${marker(i)}` },
    dueAt: OLD,
    status: "sent",
    sentAt: OLD,
  })),
});
await db.auditLog.createMany({ data: ids.map((id) => ({ action: "coordinator.read", subjectId: id, details: { what: "profile" }, at: OLD })) });
await database.close();
database = await openDatabase({ dataDir: dir });
const size = mb(dir);

/** Wall and CPU time of `f` (CPU: this process, where PGlite runs; less skewed by other load). */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const [t, c] = [performance.now(), process.cpuUsage()];
  const value = await f();
  const used = process.cpuUsage(c);
  return { value, ms: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const victim = PEOPLE - 1;
const erase = await timed(() => database.prisma.$transaction((tx) => erasePerson(tx, ids[victim]!, new Date()), { timeout: 60_000 }));
const beforeScrub = folderHolds(dir, marker(victim));
const erased = await timed(() => database.scrub.runIfPending());
const afterScrub = folderHolds(dir, marker(victim));

const purge = await timed(() => purgeExpired(database.prisma, NOW, 24));
const purged = purge.value;
const purgeScrub = await timed(() => database.scrub.runIfPending());
const purgedLeft = Array.from({ length: purged }, (_, i) => marker(i)).filter((m) => folderHolds(dir, m)).length;
await database.close();
rmSync(dir, { recursive: true, force: true });

const row = (what: string, r: { ms: number; cpu: number }, note = "") =>
  console.log(`${what.padEnd(34)} ${String(Math.round(r.ms)).padStart(7)} ms wall ${String(Math.round(r.cpu)).padStart(7)} ms cpu  ${note}`);
console.log(`data folder: ${PEOPLE} people, ${size} MB`);
row("erase one person (transaction)", erase, `name in the folder before the scrub: ${beforeScrub}`);
row("scrub after it", erased, `ran: ${Boolean(erased.value)}; name in the folder after: ${afterScrub}`);
row(`retention purge (${purged} people)`, purge);
row("scrub after the purge", purgeScrub, `ran: ${Boolean(purgeScrub.value)}; purged names still in the folder: ${purgedLeft}`);
if (afterScrub || purgedLeft > 0) process.exitCode = 1;

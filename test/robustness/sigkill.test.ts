// SIGKILL, for real, 100 times: the README's run command (--jsonl, embedded PGlite) works through
// a script in which several people do their intake while check-in batches go out to many pairs,
// and is killed at a random moment; a new process gets the whole log again (a platform redelivers
// what was not acknowledged; events carry ids, clock advances are replayed). When a scenario is
// through, it is compared with a run that was never killed: the same records, every person's
// messages in the same order, every queued message sent; a repeat may only be a message that was
// in flight at a kill (sent, its confirmation not yet written).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/database.js";
import { localParts } from "../../src/lib/time.js";
import { seedDataDir } from "../helpers/data-dir.js";
import { spawnBot } from "../helpers/spawn-bot.js";

const DAY = 864e5;
const KILLS = Number(process.env.SIGKILL_RUNS ?? 100);
const MENTEES = 5;
const PAIRS = 100;
const INTAKE: Record<string, string>[] = [
  { text: "hej" },
  { action: "lang:da" },
  { action: "role:mentee" },
  { action: "yes" },
  { action: "yes" },
  { action: "yes" },
  { text: "Ali" },
  { text: "1" },
  { text: "6" },
  { text: "datalogi" },
  { text: "praktik" },
  { text: "IT" },
  { text: "job" },
  { text: "cv, jobsamtaler" },
  { text: "dansk, engelsk" },
  { text: "Aarhus" },
  { text: "hverdage aften" },
  { text: "i morgen" },
  { text: "video" },
  { text: "intet ønske" },
  { text: "intet ønske" },
  { text: "1" },
  { text: "nej" },
  { text: "2" },
  { text: "2" },
  { text: "2" },
  { action: "summary:confirm" },
];

type Line = { to?: string; text?: string };

/** Intakes interleaved with two clock moves: the check-ins fall due (nudge batch), then their reminders (reminder batch). */
function script(): object[] {
  const lines: object[] = [];
  INTAKE.forEach((step, i) => {
    for (let m = 0; m < MENTEES; m++) lines.push({ from: `console:intake${m}`, eventId: `k-${m}-${i}`, ...step });
    if (i === 5) lines.push({ advance: "PT1H" });
    if (i === 16) lines.push({ advance: "PT2H" });
  });
  return lines;
}

/**
 * Pairs whose weekly check-in is due this hour, written into the data folder before the first
 * start; the programme's nudge hour, quiet hours and reminder delay are set around the current
 * hour so the batches come within a few ticks, whenever the test runs.
 */
const prepare = (dir: string) =>
  seedDataDir(dir, async (db, programmeId, now) => {
    const { weekday, h: hour } = localParts(now, "Europe/Copenhagen");
    await db.programme.update({
      where: { id: programmeId },
      data: { thresholds: { checkinHour: hour, quietHours: [(hour + 12) % 24, (hour + 13) % 24], reminderAfterHours: 1 } },
    });
    for (let i = 0; i < PAIRS; i++) {
      const [mentor, mentee] = await Promise.all(
        ["mentor", "mentee"].map((role) =>
          db.person.create({
            data: {
              displayName: `${role}${i}`,
              locale: "da",
              roles: [role],
              identities: { create: { externalId: `console:${role}${i}`, platform: "console" } },
              conversation: { create: { data: { mode: "idle" } } },
            },
          }),
        ),
      );
      await db.match.create({
        data: {
          programmeId,
          mentorId: mentor!.id,
          menteeId: mentee!.id,
          startedAt: new Date(now.getTime() - 7 * DAY),
          endsAt: new Date(now.getTime() + 90 * DAY),
          checkinWeekday: weekday,
        },
      });
    }
  });

interface Life {
  lines: Line[];
  killed: boolean;
}

/**
 * When to kill: some time after the first line of this life, after some number of lines, or after
 * the n-th check-in line of this life (counted, not timed: it lands inside a batch on any machine).
 */
type KillAt = { afterMs: number } | { afterLines: number } | { afterBatchLines: number };

const isBatchLine = (l: unknown) => /^console:(mentor|mentee)\d/.test((l as Line).to ?? "");

/** Starts the bot on `dir`, feeds it the whole log, and kills it at `killAt` (or lets it finish). */
async function life(dir: string, log: object[], killAt?: KillAt): Promise<Life> {
  const bot = spawnBot({ DATA_DIR: dir, DEMO_DATA: "false" });
  for (const l of log) bot.send(l);
  bot.child.stdin!.end();
  const exited = new Promise<number>((r) => bot.child.on("exit", (code) => r(code ?? -1)));
  if (killAt === undefined) {
    expect(await exited, bot.stderr()).toBe(0);
    return { lines: bot.lines as Line[], killed: false };
  }
  const started = Date.now();
  const moment =
    "afterMs" in killAt
      ? bot.waitForLines(1, 240_000).then(() => new Promise((r) => setTimeout(r, killAt.afterMs)))
      : "afterLines" in killAt
        ? bot.waitForLines(killAt.afterLines, 240_000)
        : bot.waitFor(() => bot.lines.filter(isBatchLine).length >= killAt.afterBatchLines, 240_000);
  const outcome = await Promise.race([
    moment.then(
      () => "kill" as const,
      () => "done" as const,
    ),
    exited.then(() => "done" as const),
  ]);
  if (outcome === "kill" && bot.child.exitCode === null) {
    bot.child.kill("SIGKILL");
    await exited;
    return { lines: bot.lines as Line[], killed: true };
  }
  expect(await exited, `${bot.stderr()} after ${Date.now() - started} ms`).toBe(0);
  return { lines: bot.lines as Line[], killed: false };
}

/** Each person's messages in order. */
function byPerson(lines: Line[]): Map<string, string[]> {
  const streams = new Map<string, string[]>();
  for (const l of lines) {
    if (!l.to || l.text === undefined) continue;
    streams.set(l.to, [...(streams.get(l.to) ?? []), l.text]);
  }
  return streams;
}

/** How many extra copies `got` has of a message just received, if it is `want` otherwise; undefined if it differs. */
function extraRepeats(got: string[], want: string[]): number | undefined {
  let j = 0;
  let extra = 0;
  for (let i = 0; i < got.length; i++) {
    if (got[i] === want[j]) j++;
    else if (i > 0 && got[i] === got[i - 1]) extra++;
    else return undefined;
  }
  return j === want.length ? extra : undefined;
}

async function records(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  const db = database.prisma;
  try {
    return {
      profiles: await db.menteeProfile.count({ where: { person: { identities: { some: { externalId: { startsWith: "console:intake" } } } } } }),
      consents: await db.consent.count({ where: { person: { identities: { some: { externalId: { startsWith: "console:intake" } } } } } }),
      assessments: await db.selfAssessment.count(),
      checkins: await db.checkIn.count(),
      events: await db.inboundEvent.count(),
      unsent: await db.outbox.count({ where: { status: { not: "sent" } } }),
      sent: await db.outbox.groupBy({ by: ["kind"], _count: true, orderBy: { kind: "asc" } }),
    };
  } finally {
    await database.close();
  }
}

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("SIGKILL at random moments of intakes and check-in batches (real processes)", () => {
  it(`${KILLS} kills: nothing committed is lost, every conversation resumes at its step, nothing is sent twice but what was in flight`, async () => {
    const log = script();
    const refDir = mkdtempSync(join(tmpdir(), "mb-ref-"));
    await prepare(refDir);
    const ref = await life(refDir, log);
    const reference = byPerson(ref.lines);
    const expected = await records(refDir);
    expect(expected.profiles).toBe(MENTEES);
    expect(expected.checkins).toBeGreaterThanOrEqual(PAIRS * 2);
    expect(expected.sent.find((k) => k.kind === "checkin_reminder")?._count).toBeGreaterThan(0);

    const random = rng(7);
    let kills = 0;
    let repeats = 0;
    let scenarios = 0;
    let duringBatch = 0;
    let batchKills = 0;
    while (kills < KILLS) {
      scenarios++;
      const dir = mkdtempSync(join(tmpdir(), "mb-kill-"));
      await prepare(dir);
      const seen: Line[] = [];
      for (;;) {
        const r = random();
        const killAt: KillAt | undefined =
          kills >= KILLS
            ? undefined
            : r < 0.3
              ? { afterMs: Math.floor(random() * 900) }
              : r < 0.5
                ? { afterLines: 1 + Math.floor(random() * 60) }
                : { afterBatchLines: 1 + Math.floor(random() * 40) };
        const l = await life(dir, log, killAt);
        seen.push(...l.lines);
        if (!l.killed) break;
        kills++;
        if ("afterBatchLines" in killAt!) batchKills++;
        if (isBatchLine(l.lines.at(-1))) duringBatch++;
      }
      const got = byPerson(seen);
      const ctx = `scenario ${scenarios} (kills so far ${kills})`;
      expect(await records(dir), ctx).toEqual(expected);
      expect([...got.keys()].sort(), ctx).toEqual([...reference.keys()].sort());
      for (const [who, want] of reference) {
        const extra = extraRepeats(got.get(who) ?? [], want);
        if (extra === undefined) expect(got.get(who), `${ctx}: ${who}`).toEqual(want);
        repeats += extra ?? 0;
      }
    }
    // Kills placed by counting check-in lines: a share of the kills hits a batch on any machine.
    expect(batchKills).toBeGreaterThanOrEqual(KILLS / 10);
    // The console sends one message at a time: a kill can catch at most that one between sending and confirming.
    expect(repeats).toBeLessThanOrEqual(kills);
    console.log(
      `sigkill: ${kills} kills in ${scenarios} scenarios (${batchKills} placed inside a check-in batch; ${duringBatch} with a check-in line last); ${repeats} messages repeated (in flight at a kill) of ${ref.lines.length} per scenario`,
    );
  }, 3_600_000);
});

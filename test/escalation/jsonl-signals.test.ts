// End to end in the console's --jsonl mode: a prepared database, then the real bot. A risk message
// gets the safety reply first; moving the clock raises every stalled-mentorship signal as an alert
// to the coordinator; an acknowledged alert stops reminding while the others remind again.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/database.js";
import { periodOf } from "../../src/lib/time.js";
import { t } from "../../src/core/i18n/index.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { spawnBot } from "../helpers/spawn-bot.js";

type Line = { to?: string; text?: string; buttons?: { action: string; label: string }[] };
const DAY = 864e5;
const HOUR = 36e5;
const COORD = "console:coordinator";

/** Seeds one occurrence of every signal, due either at once or some hours/days after `now`. */
async function prepare(dir: string, now: number): Promise<void> {
  const db = await openDatabase({ dataDir: dir, startTimeoutMs: 60_000 });
  const p = db.prisma;
  const programmeId = await ensureProgramme(p);
  const person = (key: string, name: string, roles: string[]) =>
    p.person
      .create({
        data: {
          displayName: name,
          roles,
          identities: { create: { externalId: `console:${key}`, platform: "console" } },
          conversation: { create: { data: { mode: "idle" } } },
        },
      })
      .then((r) => r.id);
  await person("coordinator", "Kim", ["coordinator"]);
  const sara = await person("sara", "Sara", ["mentee"]);
  const anna = await person("anna", "Anna", ["mentor"]);
  const ali = await person("ali", "Ali", ["mentee"]);
  const omar = await person("omar", "Omar", ["mentor"]);
  const lina = await person("lina", "Lina", ["mentee"]);
  const tz = "Europe/Copenhagen";

  // Sara and Anna: started 20 days ago, never confirmed a meeting (no contact: due in a day); Sara
  // missed the last two check-ins (at once); Anna asked for help (at once); Sara's monthly
  // self-assessment, made in two days, is far below her intake; she is marked for a professional mentor.
  await p.menteeProfile.create({ data: { personId: sara, programmeId, status: "matched", needsProfessional: true } });
  const match = await p.match.create({
    data: { programmeId, menteeId: sara, mentorId: anna, startedAt: new Date(now - 20 * DAY), endsAt: new Date(now + 160 * DAY) },
  });
  for (const weeks of [2, 1]) {
    const period = periodOf(new Date(now - weeks * 7 * DAY), tz);
    await p.checkIn.create({
      data: { matchId: match.id, personId: sara, role: "mentee", period, status: "missed", createdAt: new Date(now - weeks * 7 * DAY) },
    });
  }
  await p.checkIn.create({
    data: {
      matchId: match.id,
      personId: anna,
      role: "mentor",
      period: periodOf(new Date(now - 7 * DAY), tz),
      status: "answered",
      met: false,
      needsHelp: true,
      createdAt: new Date(now - 7 * DAY),
      answeredAt: new Date(now - 6 * DAY),
    },
  });
  await p.selfAssessment.create({ data: { personId: sara, kind: "intake", scores: { confidence: 4, clarity: 4, network: 4 }, at: new Date(now - 40 * DAY) } });
  await p.selfAssessment.create({
    data: { personId: sara, matchId: match.id, kind: "monthly", scores: { confidence: 2, clarity: 3, network: 2 }, at: new Date(now + 2 * DAY) },
  });
  // Ali's offer to Omar was sent 71 hours ago: it times out within the hour.
  await p.menteeProfile.create({ data: { personId: ali, programmeId, status: "proposed", waitingSince: new Date(now - 4 * DAY) } });
  await p.proposal.create({
    data: {
      programmeId,
      menteeId: ali,
      mentorId: omar,
      score: 1,
      status: "offered",
      offeredAt: new Date(now - 71 * HOUR),
      createdAt: new Date(now - 72 * HOUR),
    },
  });
  // Lina has waited 29½ days.
  await p.menteeProfile.create({ data: { personId: lina, programmeId, status: "waiting", waitingSince: new Date(now - 29.5 * DAY) } });
  await db.close();
}

const kindOf = (text: string) =>
  ["risk", "no_contact", "unanswered_checkins", "falling_wellbeing", "mentor_needs_help", "offer_timed_out", "waiting_too_long", "needs_professional"].find(
    (k) => text.includes(t("da", `esc.kind.${k}`)),
  );

describe("escalations in the console --jsonl mode", () => {
  it("safety reply first; every signal raised by moving the clock; acknowledgement stops the reminders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mb-esc-"));
    await prepare(dir, Date.now());
    const bot = spawnBot({ DATA_DIR: dir, DEMO_DATA: "false", SCHEDULER_CRON: "0 0 1 1 *" });
    const lines = bot.lines as Line[];
    const listHeads = () => lines.filter((l) => l.to === COORD && /^Åbne alarmer|^Der er ingen åbne alarmer/.test(l.text ?? "")).length;
    const sync = async () => {
      const n = listHeads();
      bot.send({ from: COORD, text: "alarmer" });
      await bot.waitFor(() => listHeads() > n, 120_000);
    };
    const alertKinds = (from = 0) =>
      new Set(
        lines
          .slice(from)
          .filter((l) => l.to === COORD && l.text?.startsWith("⚠️"))
          .map((l) => kindOf(l.text!)),
      );

    bot.send({ from: "console:sara", text: "jeg vil ikke leve mere" });
    await bot.waitFor((l) => (l as Line).to === "console:sara");
    const saraFirst = lines.find((l) => l.to === "console:sara")!;
    expect(saraFirst.text).toBe(t("da", "esc.safety", { helplines: t("da", "esc.helpline", { name: "Livslinien", number: "70 201 201" }) }));

    bot.send({ advance: "PT1H" });
    await sync();
    expect([...alertKinds()].sort()).toEqual(["mentor_needs_help", "needs_professional", "offer_timed_out", "risk", "unanswered_checkins"]);

    // Acknowledge the risk alert; the others stay unacknowledged.
    const riskAlert = lines.find((l) => l.to === COORD && kindOf(l.text ?? "") === "risk")!;
    const ack = riskAlert.buttons!.find((b) => b.action.startsWith("esc:ack:"))!;
    const riskId = ack.action.split(":")[2]!;
    const mark = lines.length;
    bot.send({ from: COORD, action: ack.action });
    await bot.waitFor((l) => (l as Line).text === t("da", "esc.acked"));

    bot.send({ advance: "P2D" });
    await sync();
    expect([...alertKinds(mark)].sort()).toEqual(["falling_wellbeing", "no_contact", "waiting_too_long"]);
    const reminders = lines.slice(mark).filter((l) => l.to === COORD && l.text?.startsWith("⏰"));
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.some((l) => l.buttons?.some((b) => b.action.endsWith(riskId)))).toBe(false);
    expect(await bot.end()).toBe(0);
  }, 300_000);
});

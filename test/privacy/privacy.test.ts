// Data protection: a person gets all their data as JSON, withdraws consent per purpose, deletes
// everything; the retention job erases people whose mentorships ended long ago. After /delete and
// after the purge, a scan of every table finds none of that person's personal data.
import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../src/core/messages.js";
import { t } from "../../src/core/i18n/index.js";
import { computeReport } from "../../src/capabilities/reports/compute.js";
import { parsePeriod } from "../../src/capabilities/reports/period.js";
import { dueForPurge, purgeExpired } from "../../src/capabilities/privacy/retention.js";
import { T0, type BotHarness } from "../helpers/bot-harness.js";
import { dumpAllText } from "../helpers/test-db.js";
import { ago, makeWorld, type World } from "../coordinator/world.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

let db: TestDb;
let bot: BotHarness;
let w: World;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
    w = await makeWorld(d);
  },
});

const da = (key: string) => t("da", key);
interface ExportJson {
  person: { id: string };
  identities: unknown[];
  consents: { purpose: string }[];
  menteeProfile: unknown;
  matches: unknown[];
  checkIns: unknown[];
  selfAssessments: unknown[];
  accessLog: unknown[];
}
const json = (m: OutboundMessage) => JSON.parse(Buffer.from(m.file!.base64, "base64").toString("utf8")) as ExportJson;
const actions = (r: OutboundMessage[]) => r.flatMap((m) => m.buttons ?? []).map((b) => b.action);

/** Gives Sara personal data in every corner: free texts, an alert, an outcome, coordinator reads. */
async function enrichSara(): Promise<string[]> {
  await db.prisma.person.update({ where: { id: w.sara }, data: { displayName: "Sara Qjrtx" } });
  await db.prisma.checkIn.updateMany({ where: { personId: w.sara }, data: { note: "Qwzx-note", topic: "Qwzx-topic" } });
  await db.prisma.escalation.create({
    data: { dedupeKey: "t1", kind: "risk", severity: "high", personId: w.sara, matchId: w.saraMatch, excerpt: "Plmk-excerpt", createdAt: ago(3) },
  });
  await db.prisma.goal.create({ data: { menteeId: w.sara, matchId: w.saraMatch, text: "Vbnm-goal" } });
  await db.prisma.outcome.create({
    data: { matchId: w.saraMatch, menteeId: w.sara, category: "job", date: ago(1), note: "Zxcv-outcome", targetGroup: "refugee_immigrant" },
  });
  await db.prisma.match.update({ where: { id: w.saraMatch }, data: { endReason: "Sara Qjrtx flyttede" } });
  await bot.say("console:coordinator", "person Sara");
  await bot.say("console:sara", "mine data");
  // Asking for a human raises an alert whose dedupe key names the person.
  await bot.say("console:sara", "koordinator");
  expect(await db.prisma.escalation.count({ where: { dedupeKey: { contains: w.sara } } })).toBe(1);
  return ["Qjrtx", "Qwzx", "Plmk", "Vbnm", "Zxcv", "console:sara", w.sara];
}

describe("export", () => {
  it("gives a mentee all their data as a JSON file, with who looked at it", async () => {
    await bot.say("console:coordinator", "person Sara");
    const r = await bot.say("console:sara", "mine data");
    expect(r[0]!.text).toBe(da("priv.export_done"));
    expect(r[0]!.file).toMatchObject({ mime: "application/json" });
    const data = json(r[0]!);
    expect(data.person).toMatchObject({ id: w.sara, displayName: "Sara", roles: ["mentee"] });
    expect(data.identities).toEqual([expect.objectContaining({ externalId: "console:sara", platform: "console" })]);
    expect(data.consents.map((c) => c.purpose).sort()).toEqual(["matching", "statistics"]);
    expect(data.menteeProfile).toMatchObject({ targetGroup: "refugee_immigrant", municipality: "aarhus" });
    expect(data.matches).toEqual([expect.objectContaining({ id: w.saraMatch, yourRole: "mentee", status: "active" })]);
    expect(data.checkIns).toHaveLength(4);
    expect(data.selfAssessments).toHaveLength(1);
    expect(data.accessLog).toContainEqual(expect.objectContaining({ action: "coordinator.read", by: "coordinator" }));
    // The mentor's name is the mentor's data, not Sara's.
    expect(JSON.stringify(data)).not.toContain("Anna");
    expect(await db.prisma.auditLog.count({ where: { action: "person.exported", subjectId: w.sara } })).toBe(1);
  });

  it("shows the match's purpose and the mentor's tasks in the person's own language (stored as codes)", async () => {
    await db.prisma.match.update({ where: { id: w.saraMatch }, data: { purposeCodes: ["job", "internship"], mentorTaskCodes: ["cv", "network"] } });
    const data = json((await bot.say("console:sara", "mine data"))[0]!);
    expect(data.matches).toEqual([
      expect.objectContaining({
        purpose: `${da("opt.goals.job")}, ${da("opt.goals.internship")}`,
        mentorTasks: `${da("opt.help.cv")}, ${da("opt.help.network")}`,
      }),
    ]);
    expect(da("opt.help.cv")).toBe("CV og ansøgninger");
  });

  it("works in English, and a non-coordinator cannot export someone else", async () => {
    await db.prisma.person.update({ where: { id: w.ali }, data: { locale: "en" } });
    const r = await bot.say("console:ali", "export Sara");
    expect(r[0]!.text).toBe(t("en", "priv.export_done"));
    expect(json(r[0]!).person.id).toBe(w.ali);
  });

  it("lets a coordinator hand a person their data, audit-logged", async () => {
    const r = await bot.say("console:coordinator", "eksport Sara");
    expect(r[0]!.text).toBe(da("priv.export_done_other"));
    expect(json(r[0]!).person.id).toBe(w.sara);
    expect(await db.prisma.auditLog.count({ where: { action: "coordinator.export", subjectId: w.sara, actorId: w.coordinator } })).toBe(1);
  });
});

describe("consent per purpose", () => {
  it("lists the purposes with withdraw and give buttons", async () => {
    const r = await bot.say("console:sara", "samtykke");
    expect(r[0]!.text).toContain(t("da", "priv.consent_given", { purpose: da("priv.purpose.matching"), date: ago(90).toISOString().slice(0, 10) }));
    expect(r[0]!.text).toContain(t("da", "priv.consent_not_given", { purpose: da("priv.purpose.share_contact") }));
    expect(actions(r)).toEqual(["cons:w:matching", "cons:g:share_contact", "cons:w:statistics"]);
    const mentor = await bot.say("console:anna", "consent");
    expect(actions(mentor)).toEqual(["cons:w:matching"]);
    expect(await bot.ask("console:newcomer", "samtykke")).toBe(da("priv.consent_none"));
  });

  it("withdrawing matching stops proposals; giving it back puts the mentee on the list again", async () => {
    const r = await bot.say("console:ali", { action: "cons:w:matching" });
    expect(r[0]!.text).toContain(da("priv.withdrawn.matching"));
    expect(actions(r)).toContain("cons:g:matching");
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: w.proposalId } })).toMatchObject({ status: "cancelled" });
    expect(await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: w.ali } })).toMatchObject({ status: "paused" });
    expect(await db.prisma.consent.findUniqueOrThrow({ where: { personId_purpose: { personId: w.ali, purpose: "matching" } } })).toMatchObject({
      granted: false,
      withdrawnAt: T0,
    });
    await bot.say("console:ali", { action: "cons:g:matching" });
    expect((await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: w.ali } })).status).toMatch(/waiting|proposed/);
    expect(await db.prisma.auditLog.count({ where: { subjectId: w.ali, action: { in: ["consent.withdrawn", "consent.given"] } } })).toBe(2);
  });

  it("withdrawing statistics takes the person out of the self-assessment figures", async () => {
    await db.prisma.selfAssessment.create({ data: { personId: w.sara, kind: "monthly", scores: { confidence: 4, clarity: 4, network: 3 }, at: ago(2) } });
    const period = parsePeriod("2026", T0)!;
    expect((await computeReport(db.prisma, period, T0)).overall.selfAssessment.n).toBe(1);
    await bot.say("console:sara", { action: "cons:w:statistics" });
    expect((await computeReport(db.prisma, period, T0)).overall.selfAssessment.n).toBe(0);
  });
});

describe("delete my data", () => {
  it("leaves none of a mentee's personal data in any table; anonymous statistics remain", async () => {
    const secrets = await enrichSara();
    expect(await dumpAllText(db)).toContain("Qjrtx");
    await bot.say("console:sara", "slet mine data");
    expect((await bot.say("console:sara", { action: "delete:yes" }))[0]!.text).toBe(da("cmd.deleted"));
    const after = await dumpAllText(db);
    for (const s of secrets) expect(after, s).not.toContain(s);
    expect(await db.prisma.match.count({ where: { id: w.saraMatch } })).toBe(1);
    expect(await db.prisma.checkIn.count({ where: { matchId: w.saraMatch } })).toBe(8);
    expect(await db.prisma.outcome.findUniqueOrThrow({ where: { matchId: w.saraMatch } })).toMatchObject({ category: "job", targetGroup: "refugee_immigrant" });
    expect(await db.prisma.selfAssessment.count({ where: { personId: { startsWith: "anon-" } } })).toBe(1);
  });

  it("drops intake answers from statistics when the person had said no to statistics", async () => {
    await bot.say("console:sara", { action: "cons:w:statistics" });
    await db.prisma.outcome.create({ data: { matchId: w.saraMatch, menteeId: w.sara, category: "job", date: ago(1), targetGroup: "refugee_immigrant" } });
    await bot.say("console:sara", "slet mine data");
    await bot.say("console:sara", { action: "delete:yes" });
    expect(await db.prisma.selfAssessment.count({ where: { personId: { startsWith: "anon-" } } })).toBe(0);
    expect(await db.prisma.outcome.findUniqueOrThrow({ where: { matchId: w.saraMatch } })).toMatchObject({ category: "job", targetGroup: null });
  });
});

describe("retention", () => {
  it("erases people whose mentorships ended more than 24 months ago, and nobody still involved", async () => {
    const bo = await db.prisma.person.findUniqueOrThrow({ where: { id: w.bo } });
    await db.prisma.checkIn.create({
      data: { matchId: w.boMatch, personId: w.bo, role: "mentee", period: "2026-W20", status: "answered", note: "Bo-secret-note", createdAt: ago(200) },
    });
    // Someone who started an intake long ago and never came back.
    await db.prisma.person.create({
      data: {
        displayName: "Gone Ghostly",
        createdAt: ago(800),
        identities: { create: { externalId: "console:ghost", platform: "console", lastSeenAt: ago(800) } },
      },
    });
    expect(await dueForPurge(db.prisma, T0, 24)).toEqual([expect.any(String)]);
    // 23 months after Bo's mentorship ended: too early.
    bot.clock.set(new Date(ago(30).getTime() + 23 * 30.5 * 864e5));
    expect(await dueForPurge(db.prisma, bot.clock.now(), 24)).not.toContain(w.bo);
    bot.clock.set(new Date(ago(30).getTime() + 24 * 30.5 * 864e5 + 864e5));
    await bot.app.tick();
    const after = await dumpAllText(db);
    for (const s of [w.bo, "console:bo", "Bo-secret-note", "Gone Ghostly", "console:ghost"]) expect(after, s).not.toContain(s);
    expect(bo.displayName).toBe("Bo");
    // Still involved: the waiting mentee, the mentees with active mentorships, active mentors, the coordinator.
    for (const id of [w.noor, w.sara, w.mia, w.coordinator, await w.mentor("lars")]) expect(await db.prisma.person.count({ where: { id } }), id).toBe(1);
    expect(await db.prisma.match.count({ where: { id: w.boMatch } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "person.purged" } })).toBe(2);
    // Once a day: a second run the same day does nothing.
    expect(await purgeExpired(db.prisma, bot.clock.now(), 24)).toBe(0);
  });

  it("forgets processed event ids after three days, not sooner", async () => {
    await db.prisma.inboundEvent.createMany({
      data: [
        { key: "old-event", receivedAt: new Date(T0.getTime() - 4 * 864e5) },
        { key: "recent-event", receivedAt: new Date(T0.getTime() - 2 * 864e5) },
      ],
    });
    const old = new Date(T0.getTime() - 4 * 864e5);
    await db.prisma.outbox.createMany({
      data: [
        { dedupeKey: "reply:old:0", recipient: "x", kind: "reply", payload: {}, dueAt: old, status: "sent", sentAt: old },
        { dedupeKey: "chk:old", recipient: "x", kind: "checkin", payload: {}, dueAt: old, status: "sent", sentAt: old },
      ],
    });
    await db.prisma.setting.deleteMany({});
    await purgeExpired(db.prisma, T0, 24);
    const keys = (await db.prisma.inboundEvent.findMany({ where: { key: { in: ["old-event", "recent-event"] } } })).map((e) => e.key);
    expect(keys).toEqual(["recent-event"]);
    // Replies delivered more than three days ago go too; everything else in the outbox stays.
    const replies = await db.prisma.outbox.findMany({ where: { kind: "reply" }, select: { status: true, sentAt: true } });
    expect(replies.filter((r) => r.status === "sent" && r.sentAt! < new Date(T0.getTime() - 3 * 864e5))).toEqual([]);
    expect(await db.prisma.outbox.count({ where: { dedupeKey: { in: ["reply:old:0", "chk:old"] } } })).toBe(1);
  });

  it("uses the configured period", async () => {
    const later = new Date(T0.getTime() + 5 * 864e5);
    expect(await dueForPurge(db.prisma, later, 1)).toContain(w.bo);
    expect(await dueForPurge(db.prisma, later, 2)).not.toContain(w.bo);
  });
});

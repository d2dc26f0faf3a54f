// One person, many risky messages: while their alert is unresolved, later messages are counted on
// it (and shown on the card) instead of opening a new high-severity alert each; the person still
// gets the safety reply every time. A more serious message raises the alert and sends it again;
// after it is resolved, the next risky message opens a new one. Two at once still end in one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { raiseEscalation, riskOpenKey, type RaiseInput } from "../../src/infra/alerts/raise.js";
import { mergePersons } from "../../src/capabilities/linking/merge.js";
import { openTestDb } from "../helpers/test-db.js";
import { addPerson, allClear, createEscBot, type EscBot } from "./harness.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: EscBot;
let samId: string;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  // Folding is the same whatever the grade: every finding is taken as clear here (the gentle check
  // of a possible risk is tested in graded-*.test.ts).
  bot = await createEscBot(db, { detect: allClear });
  await addPerson(db, "kim", { roles: ["coordinator"], name: "Kim Larsen", locale: "en" });
  samId = await addPerson(db, "sam", { roles: ["mentee"], name: "Sam", locale: "en" });
});

const MINUTE = 60_000;
const HIGH = [
  "I have been thinking about killing myself",
  "I cut myself again last night",
  "I want to die",
  "I hurt myself again",
  "I feel like ending it all",
];
const MEDIUM = "I can't stop drinking";
const LIVSLINIEN = { name: "Livslinien", number: "70 201 201" };
const fullReply = t("en", "esc.safety", { helplines: t("en", "esc.helpline", LIVSLINIEN) });
const shortReply = t("en", "esc.safety_again", { helplines: "Livslinien 70 201 201" });

const alertsToKim = () => bot.to("console:kim").filter((m) => m.buttons?.some((b) => b.action.startsWith("esc:open:")));
const risks = () => db.prisma.escalation.findMany({ where: { kind: "risk" }, orderBy: { createdAt: "asc" } });
const press = async (action: string, fields?: Record<string, string>) =>
  (await bot.say("console:kim", fields ? { action, fields } : { action })).map((r) => r.text);

describe("risky messages from one person", () => {
  it("five messages → one open alert counting five, five safety replies, one notice, and the count on the card", async () => {
    const replies: string[] = [];
    for (const [i, text] of HIGH.entries()) {
      if (i > 0) bot.clock.advance(7 * MINUTE);
      replies.push((await bot.say("console:sam", text))[0]!.text);
    }
    // The safety reply every time: the full one first, then the short one within the hour.
    expect(replies).toEqual([fullReply, shortReply, shortReply, shortReply, shortReply]);

    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "open", severity: "high", occurrences: 5, excerpt: HIGH[4], openKey: riskOpenKey(samId), notifyCount: 1 });
    expect(rows[0]!.lastSeenAt).toEqual(bot.clock.now());
    expect(alertsToKim()).toHaveLength(1);
    expect(await db.prisma.auditLog.count({ where: { action: "escalation.risk" } })).toBe(1);

    // The card shows how many messages and when the latest came (24/11 10:28 in Copenhagen).
    const seen = t("en", "esc.seen", { count: 5, latest: "24/11 10:28" });
    expect(seen).toContain("5 messages");
    const [details] = await press(`esc:open:${rows[0]!.id}`);
    expect(details).toContain(seen);
    const list = (await bot.say("console:kim", "alerts")).map((m) => m.text);
    expect(list[1]).toContain(seen);
    // …and so does a reminder.
    await bot.advance(4 * 60 * MINUTE);
    expect(alertsToKim().at(-1)!.text).toContain(seen);
  });

  it("opens a new alert for a risky message after the open one is resolved", async () => {
    await bot.say("console:sam", HIGH[0]!);
    bot.clock.advance(5 * MINUTE);
    await bot.say("console:sam", HIGH[1]!);
    const [first] = await risks();
    expect(await press(`esc:resf:${first!.id}`, { note: "Called Sam, he has help now" })).toEqual([t("en", "esc.resolved")]);
    expect(await db.prisma.escalation.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "resolved", openKey: null, occurrences: 2 });

    bot.clock.advance(5 * MINUTE);
    expect((await bot.say("console:sam", HIGH[2]!))[0]!.text).toBe(shortReply);
    const rows = await risks();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ status: "open", occurrences: 1, excerpt: HIGH[2], openKey: riskOpenKey(samId) });
    expect(alertsToKim()).toHaveLength(2);
    expect(alertsToKim()[1]!.buttons![0]!.action).toBe(`esc:open:${rows[1]!.id}`);
  });

  it("a more serious message raises the open alert, re-opens it if acknowledged, and sends it again; a milder one never lowers it", async () => {
    expect((await bot.say("console:sam", MEDIUM))[0]!.text).toBe(fullReply);
    const [esc] = await risks();
    expect(esc).toMatchObject({ severity: "medium", occurrences: 1 });
    expect(alertsToKim()).toHaveLength(1);
    await press(`esc:ack:${esc!.id}`);

    bot.clock.advance(10 * MINUTE);
    expect((await bot.say("console:sam", HIGH[0]!))[0]!.text).toBe(shortReply);
    const raised = await db.prisma.escalation.findUniqueOrThrow({ where: { id: esc!.id } });
    expect(raised).toMatchObject({ severity: "high", status: "open", occurrences: 2, excerpt: HIGH[0], severityRaised: false, notifyCount: 2 });
    expect(await risks()).toHaveLength(1);
    const notices = alertsToKim();
    expect(notices).toHaveLength(2);
    expect(notices[1]!.text.split("\n")[0]).toBe(t("en", "esc.alert_raised", { severity: t("en", "esc.severity.high") }).split("\n")[0]);
    expect(notices[1]!.text).toContain(t("en", "esc.seen", { count: 2, latest: "24/11 10:10" }));
    expect(notices[1]!.buttons!.map((b) => b.action)).toContain(`esc:ack:${esc!.id}`);
    expect(await db.prisma.auditLog.count({ where: { action: "escalation.severity_raised" } })).toBe(1);

    // A milder message afterwards is counted, but neither lowers the severity nor hides the serious excerpt.
    bot.clock.advance(10 * MINUTE);
    await bot.say("console:sam", "I am using drugs every day");
    expect(await db.prisma.escalation.findUniqueOrThrow({ where: { id: esc!.id } })).toMatchObject({ severity: "high", occurrences: 3, excerpt: HIGH[0] });
    expect(alertsToKim()).toHaveLength(2);
  });

  it("keeps one alert per person: another person's message opens their own", async () => {
    await addPerson(db, "ali", { roles: ["mentee"], locale: "en" });
    await bot.say("console:sam", HIGH[0]!);
    await bot.say("console:ali", HIGH[0]!);
    bot.clock.advance(MINUTE);
    await bot.say("console:sam", HIGH[1]!);
    expect((await risks()).map((r) => r.occurrences).sort()).toEqual([1, 2]);
    expect(alertsToKim()).toHaveLength(2);
  });
});

describe("at once", () => {
  it("two instances handling risky messages from the same person at the same moment end in one open alert", async () => {
    const other = await createEscBot(db, { detect: allClear });
    other.clock.set(bot.clock.now());
    const replies = await Promise.all([bot.say("console:sam", HIGH[0]!), other.say("console:sam", HIGH[1]!)]);
    expect(replies.map((r) => r[0]!.text).every((x) => x === fullReply || x === shortReply)).toBe(true);
    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.occurrences).toBe(2);
    expect([...bot.delivered, ...other.delivered].filter((m) => m.to === "console:kim")).toHaveLength(1);
  });

  it("raises in parallel transactions fold into one row, and the same event twice is counted once", async () => {
    const input = (i: number): RaiseInput => ({
      dedupeKey: `risk:${samId}:e${i}`,
      openKey: riskOpenKey(samId),
      kind: "risk",
      severity: "high",
      personId: samId,
      excerpt: `x${i}`,
    });
    const now = bot.clock.now();
    const results = await Promise.all([1, 2, 3, 4].map((i) => db.prisma.$transaction((tx) => raiseEscalation(tx, input(i), now))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    // A redelivered event (the latest folded one, or the one that opened the alert) changes nothing.
    const [row] = await risks();
    const again = (key: string) => ({ ...input(0), dedupeKey: key });
    await db.prisma.$transaction((tx) => raiseEscalation(tx, again(row!.lastEventKey!), now));
    await db.prisma.$transaction((tx) => raiseEscalation(tx, again(row!.dedupeKey), now));
    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.occurrences).toBe(4);
  });

  it("an open alert moved by linking two accounts goes on counting the kept person's messages", async () => {
    const fresh = await addPerson(db, "fresh", { locale: "en" });
    const risk = (personId: string, i: number): RaiseInput => ({
      dedupeKey: `risk:${personId}:m${i}`,
      openKey: riskOpenKey(personId),
      kind: "risk",
      severity: "high",
      personId,
    });
    const now = bot.clock.now();
    const moved = await db.prisma.$transaction((tx) => raiseEscalation(tx, risk(fresh, 1), now));
    expect((await db.prisma.$transaction((tx) => mergePersons(tx, samId, fresh, now))).ok).toBe(true);
    expect(await db.prisma.escalation.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ personId: samId, openKey: riskOpenKey(samId) });
    const next = await db.prisma.$transaction((tx) => raiseEscalation(tx, risk(samId, 2), now));
    expect(next).toMatchObject({ id: moved.id, folded: true });
  });
});

// What coordinators do with alerts: open (names only here), acknowledge, take, resolve with a note
// (typed or by form), list open ones; reminders for unacknowledged alerts; the channel target.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { raiseEscalation, type RaiseInput } from "../../src/infra/alerts/raise.js";
import { openTestDb } from "../helpers/test-db.js";
import { addMatch, addPerson, createEscBot, DAY, HOUR, T0, type EscBot } from "./harness.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: EscBot;
let kimId: string;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createEscBot(db);
  kimId = await addPerson(db, "kim", { roles: ["coordinator"], name: "Kim Larsen" });
  await addPerson(db, "lene", { roles: ["coordinator"], name: "Lene", locale: "en" });
});

async function raise(input: Partial<RaiseInput> = {}): Promise<string> {
  const personId = input.personId ?? (await addPerson(db, "sara", { roles: ["mentee"], name: "Sara Jensen" }));
  const { id } = await db.prisma.$transaction((tx) =>
    raiseEscalation(
      tx,
      { dedupeKey: `test:${Math.random()}`, kind: "risk", severity: "high", source: "checkin", excerpt: "jeg vil ikke leve mere", personId, ...input },
      bot.clock.now(),
    ),
  );
  await bot.app.tick();
  return id;
}

const press = async (who: string, action: string, fields?: Record<string, string>) =>
  (await bot.say(`console:${who}`, fields ? { action, fields } : { action })).map((r) => r.text);

describe("alert delivery", () => {
  it("goes to every coordinator in their own language, with the four buttons, and is raised once per key", async () => {
    const id = await raise({ dedupeKey: "same" });
    await raise({ dedupeKey: "same", personId: (await db.prisma.person.findFirstOrThrow({ where: { displayName: "Sara Jensen" } })).id });
    expect(bot.delivered.map((d) => d.to).sort()).toEqual(["console:kim", "console:lene"]);
    const en = bot.to("console:lene")[0]!;
    expect(en.text).toBe(
      t("en", "esc.alert", {
        what: t("en", "esc.kind.risk"),
        severity: t("en", "esc.severity.high"),
        // Raised without a grade (as before grading): no assessment line.
        risk: "",
        who: t("en", "esc.who.mentee"),
        source: t("en", "esc.source.checkin"),
        seen: "",
        excerpt: t("en", "esc.excerpt", { text: "> jeg vil ikke leve mere" }),
      }),
    );
    expect(en.buttons).toEqual([
      { action: `esc:open:${id}`, label: t("en", "esc.btn.open") },
      { action: `esc:ack:${id}`, label: t("en", "esc.btn.ack") },
      { action: `esc:me:${id}`, label: t("en", "esc.btn.me") },
      { action: `esc:res:${id}`, label: t("en", "esc.btn.resolve") },
    ]);
    for (const b of en.buttons!) expect(Buffer.byteLength(b.action)).toBeLessThanOrEqual(64);
    expect(await db.prisma.escalation.count()).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "escalation.risk" } })).toBe(1);
  });

  it("goes as one message to the coordinators' channel when one is configured", async () => {
    bot = await createEscBot(db, { settings: { alertTarget: "slack:T1:C9" } });
    await raise({ kind: "waiting_too_long", severity: "medium", excerpt: undefined, source: "matching" });
    expect(bot.delivered.map((d) => d.to)).toEqual(["slack:T1:C9"]);
    expect(bot.delivered[0]!.text).toBe(
      t("da", "esc.alert", {
        what: t("da", "esc.kind.waiting_too_long"),
        severity: t("da", "esc.severity.medium"),
        risk: "",
        who: t("da", "esc.who.mentee"),
        source: t("da", "esc.source.matching"),
        seen: "",
        excerpt: "",
      }),
    );
  });

  it("waits for a coordinator when there is none yet, then delivers", async () => {
    await db.prisma.person.updateMany({ where: { roles: { has: "coordinator" } }, data: { roles: [] } });
    await raise();
    expect(bot.delivered).toHaveLength(0);
    await db.prisma.person.update({ where: { id: kimId }, data: { roles: ["coordinator"] } });
    await bot.advance(5 * 60_000);
    expect(bot.to("console:kim")).toHaveLength(1);
  });
});

describe("buttons", () => {
  it("open shows first names and is audit-logged; only coordinators may press", async () => {
    const { matchId } = await addMatch(db, bot.programmeId, T0);
    const id = await raise({ kind: "no_contact", severity: "medium", personId: undefined, matchId, excerpt: undefined, source: "scheduler" });
    const [details] = await press("kim", `esc:open:${id}`);
    expect(details).toBe(
      t("da", "esc.details", {
        what: t("da", "esc.kind.no_contact"),
        severity: t("da", "esc.severity.medium"),
        risk: "",
        names: `${t("da", "esc.name.mentee", { name: "Sara" })}, ${t("da", "esc.name.mentor", { name: "Anna" })}`,
        source: t("da", "esc.source.scheduler"),
        created: "24/11 10:00",
        status: t("da", "esc.status.open"),
        seen: "",
        excerpt: "",
      }),
    );
    expect(details).not.toContain("Jensen");
    expect(await db.prisma.auditLog.count({ where: { action: "escalation.opened", actorId: kimId } })).toBe(1);

    for (const verb of ["open", "ack", "me", "res"]) expect(await press("mentee-sara", `esc:${verb}:${id}`)).toEqual([t("da", "cmd.not_allowed")]);
    expect((await db.prisma.escalation.findUniqueOrThrow({ where: { id } })).status).toBe("open");
    expect(await press("kim", "esc:ack:no-such-id")).toEqual([t("da", "esc.not_found")]);
  });

  it("acknowledge → assign → resolve with a typed note, each audit-logged", async () => {
    const id = await raise();
    expect(await press("kim", `esc:ack:${id}`)).toEqual([t("da", "esc.acked")]);
    expect(await press("lene", `esc:ack:${id}`)).toEqual([t("en", "esc.already_acked", { status: t("en", "esc.status.acknowledged") })]);
    expect(await press("lene", `esc:me:${id}`)).toEqual([t("en", "esc.assigned")]);
    expect(await press("kim", `esc:ack:${id}`)).toEqual([t("da", "esc.already_acked", { status: t("da", "esc.status.assigned", { name: "Lene" }) })]);

    const ask = await bot.say("console:lene", { action: `esc:res:${id}` });
    expect(ask[0]!.text).toBe(t("en", "esc.resolve_ask"));
    expect(ask[0]!.form).toMatchObject({ id: `esc:resf:${id}`, fields: [{ name: "note", kind: "text" }] });
    expect((await bot.say("console:lene", "   "))[0]!.text).toBe(t("en", "esc.note_empty"));
    expect((await bot.say("console:lene", "x".repeat(501)))[0]!.text).toBe(t("en", "esc.note_too_long", { max: 500 }));
    expect((await bot.say("console:lene", "Called Sara, she has an appointment with her GP"))[0]!.text).toBe(t("en", "esc.resolved"));
    // The task is over: the next message is ordinary chat again.
    expect((await bot.say("console:lene", "hello"))[0]!.text).not.toBe(t("en", "esc.resolved"));

    const esc = await db.prisma.escalation.findUniqueOrThrow({ where: { id } });
    expect(esc).toMatchObject({ status: "resolved", resolution: "Called Sara, she has an appointment with her GP", assignedTo: expect.any(String) });
    const actions = (await db.prisma.auditLog.findMany({ where: { details: { path: ["escalationId"], equals: id } }, orderBy: { at: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(["escalation.acknowledged", "escalation.assigned", "escalation.resolved", "escalation.risk"]);
    expect(await press("kim", `esc:res:${id}`)).toEqual([t("da", "esc.already_resolved")]);
  });

  it("resolves from a submitted form too", async () => {
    const id = await raise();
    await bot.say("console:kim", { action: `esc:res:${id}` });
    expect(await press("kim", `esc:resf:${id}`, { note: "Henvist til Psykiatrisk Akutmodtagelse" })).toEqual([t("da", "esc.resolved")]);
    expect((await db.prisma.escalation.findUniqueOrThrow({ where: { id } })).resolution).toBe("Henvist til Psykiatrisk Akutmodtagelse");
  });
});

describe("reminders", () => {
  it("re-notifies an unacknowledged risk alert every 4 hours until acknowledged", async () => {
    const id = await raise();
    await bot.advance(4 * HOUR - 60_000);
    expect(bot.to("console:kim")).toHaveLength(1);
    await bot.advance(60_000);
    expect(bot.to("console:kim")).toHaveLength(2);
    expect(bot.to("console:kim")[1]!.text).toMatch(
      new RegExp(
        `^${t("da", "esc.alert_again", { count: 1 })
          .split("\n")[0]!
          .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
      ),
    );
    await bot.advance(4 * HOUR);
    expect(bot.to("console:kim")[2]!.text).toContain(t("da", "esc.alert_again", { count: 2 }).split("\n")[0]!);
    await bot.app.tick(); // idempotent: nothing new at the same moment
    expect(bot.to("console:kim")).toHaveLength(3);

    await press("kim", `esc:ack:${id}`);
    await bot.advance(2 * DAY);
    expect(bot.to("console:kim")).toHaveLength(3);
    expect((await db.prisma.escalation.findUniqueOrThrow({ where: { id } })).notifyCount).toBe(3);
  });

  it("waits 2 days for other kinds, and follows the programme's thresholds", async () => {
    await raise({ kind: "waiting_too_long", severity: "medium", excerpt: undefined });
    await bot.advance(47 * HOUR);
    expect(bot.to("console:kim")).toHaveLength(1);
    await bot.advance(HOUR);
    expect(bot.to("console:kim")).toHaveLength(2);

    await db.prisma.programme.updateMany({ data: { thresholds: { renotifyOtherHours: 1 } } });
    await bot.advance(HOUR);
    expect(bot.to("console:kim")).toHaveLength(3);
  });
});

describe("the alerts command", () => {
  it("lists unresolved alerts oldest first with buttons, for coordinators only", async () => {
    expect(await bot.say("console:kim", "alarmer").then((r) => r.map((m) => m.text))).toEqual([t("da", "esc.list_none")]);
    const first = await raise({ kind: "waiting_too_long", severity: "medium" });
    bot.clock.advance(HOUR);
    const second = await raise({ kind: "risk", personId: await addPerson(db, "omar", { roles: ["mentor"] }) });
    await press("kim", `esc:ack:${second}`);
    const resolved = await raise({ kind: "needs_professional", severity: "medium", personId: await addPerson(db, "x", {}) });
    await bot.say("console:kim", { action: `esc:resf:${resolved}`, fields: { note: "ok" } });

    const list = await bot.say("console:lene", "alerts");
    expect(list.map((m) => m.text)).toEqual([
      t("en", "esc.list_head", { count: 2 }),
      t("en", "esc.list_item", {
        what: t("en", "esc.kind.waiting_too_long"),
        severity: t("en", "esc.severity.medium"),
        created: "24/11 10:00",
        status: t("en", "esc.status.open"),
        seen: "",
      }),
      t("en", "esc.list_item", {
        what: t("en", "esc.kind.risk"),
        severity: t("en", "esc.severity.high"),
        created: "24/11 11:00",
        status: t("en", "esc.status.acknowledged"),
        seen: "",
      }),
    ]);
    expect(list[1]!.buttons!.map((b) => b.action)).toEqual([`esc:open:${first}`, `esc:ack:${first}`, `esc:me:${first}`, `esc:res:${first}`]);
    expect(list[2]!.buttons!.map((b) => b.action)).toEqual([`esc:open:${second}`, `esc:me:${second}`, `esc:res:${second}`]);
    expect(await bot.say("console:omar", "/alerts").then((r) => r.map((m) => m.text))).toEqual([t("da", "cmd.not_allowed")]);
  });
});

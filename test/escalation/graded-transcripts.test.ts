// Graded answers to risk, as transcripts in Danish and English: a clear risk gets the safety reply
// and an alert; a possible risk gets the gentle "are you safe?" with three buttons and nothing else,
// recorded at once and kept from the coordinators until answered. "Not safe" and "talk" give the
// safety reply and an alert (high, medium); "safe" a thank-you, and the conversation goes on —
// in the intake its open question comes back, outside a flow nothing is glued on. The grade, the
// topic and the answer are stored and shown in the coordinator's alert.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { openTestDb } from "../helpers/test-db.js";
import { addPerson, createEscBot, type EscBot } from "./harness.js";
import { alertsTo, BUTTON_LABELS, button, check, detect, play, safety, SAY, thanks } from "./graded-helpers.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: EscBot;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createEscBot(db, { detect });
  await addPerson(db, "kim", { roles: ["coordinator"], name: "Kim Larsen" });
});

const risks = () => db.prisma.escalation.findMany({ where: { kind: "risk" }, orderBy: { createdAt: "asc" } });
/** The coordinator's (Danish) assessment line for a possible risk about feeling a burden, with the answer. */
const assessed = (answer: string) =>
  t("da", "esc.risk_topic", { grade: t("da", "esc.grade.possible"), topic: t("da", "esc.topic.burdensomeness") }) +
  t("da", "esc.answer_line", { answer: t("da", `esc.answer.${answer}`) });

describe.each(["da", "en"] as const)("graded answers (%s)", (l: Locale) => {
  const who = `console:sam-${l}`;
  beforeEach(async () => {
    await addPerson(db, `sam-${l}`, { roles: ["mentee"], locale: l, name: "Sam" });
  });

  it("clear risk: the safety reply alone and an alert naming the grade and topic", async () => {
    await play(bot, who, [[SAY[l].clear, [safety(l)], 1]]);
    const [esc] = await risks();
    expect(esc).toMatchObject({ grade: "clear", topic: "wish_dead", severity: "high", status: "open", answer: null });
    expect(alertsTo(bot)[0]!.text).toContain(t("da", "esc.risk_topic", { grade: t("da", "esc.grade.clear"), topic: t("da", "esc.topic.wish_dead") }));
  });

  it("possible risk: the check alone, with three buttons in the language written, recorded at once without an alert", async () => {
    const [turn] = await play(bot, who, [[SAY[l].possible, [check(l)]]]);
    expect(turn![0]!.buttons!.map((b) => b.label)).toEqual(BUTTON_LABELS(l));
    for (const b of turn![0]!.buttons!) expect(Buffer.byteLength(b.action)).toBeLessThanOrEqual(64);
    const [esc] = await risks();
    expect(esc).toMatchObject({ grade: "possible", topic: "burdensomeness", status: "checking", notifyCount: 0, answer: null, excerpt: SAY[l].possible });
    // Nobody sees it yet: not in the coordinators' list either.
    expect((await bot.say("console:kim", "alarmer")).map((r) => r.text)).toEqual([t("da", "esc.list_none")]);
    expect(await db.prisma.auditLog.count({ where: { action: "escalation.check_asked" } })).toBe(1);
  });

  it("possible → safe: thanks and nothing glued on (no menu, no greeting), no alert ever", async () => {
    await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "safe"), [thanks(l)]],
    ]);
    expect((await risks())[0]).toMatchObject({ status: "closed", answer: "safe", openKey: null, grade: "possible" });
    await bot.advance(2 * 3_600_000);
    expect(alertsTo(bot)).toHaveLength(0);
  });

  it("possible → not safe: the safety reply and a high alert with grade, topic and answer", async () => {
    await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "not_safe"), [safety(l)], 1],
    ]);
    expect((await risks())[0]).toMatchObject({ status: "open", severity: "high", answer: "not_safe", grade: "possible" });
    const alert = alertsTo(bot)[0]!.text;
    expect(alert).toContain(assessed("not_safe"));
    expect(alert).toContain(t("da", "esc.severity.high"));
  });

  it("possible → talk: the safety reply and a medium alert", async () => {
    await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "talk"), [safety(l)], 1],
    ]);
    expect((await risks())[0]).toMatchObject({ status: "open", severity: "medium", answer: "talk" });
    expect(alertsTo(bot)[0]!.text).toContain(assessed("talk"));
  });

  it("possible → no answer: one low alert after an hour, and only one however often the job runs", async () => {
    await play(bot, who, [[SAY[l].possible, [check(l)]]]);
    await bot.advance(59 * 60_000);
    expect(alertsTo(bot)).toHaveLength(0);
    await bot.advance(60_001);
    expect(alertsTo(bot)).toHaveLength(1);
    expect(alertsTo(bot)[0]!.text).toContain(t("da", "esc.severity.low"));
    expect(alertsTo(bot)[0]!.text).toContain(assessed("no_answer"));
    expect((await risks())[0]).toMatchObject({ status: "open", severity: "low", answer: "no_answer" });
    await bot.app.tick();
    await bot.advance(60_000);
    expect(alertsTo(bot)).toHaveLength(1);
    expect(await db.prisma.auditLog.count({ where: { action: "escalation.check_unanswered" } })).toBe(1);
  });

  it("a late “not safe” after the timeout alert still acts: the safety reply, and the alert is raised and sent again", async () => {
    const [asked] = await play(bot, who, [[SAY[l].possible, [check(l)]]]);
    await bot.advance(61 * 60_000);
    await play(bot, who, [[button(asked!, "not_safe"), [safety(l)], 1]]);
    expect((await risks())[0]).toMatchObject({ severity: "high", answer: "not_safe", status: "open" });
    expect(alertsTo(bot)[1]!.text.split("\n")[0]).toBe(t("da", "esc.alert_raised", { severity: t("da", "esc.severity.high") }).split("\n")[0]);
  });

  it("a late “safe” is recorded, thanked, and alerts nobody again", async () => {
    const [asked] = await play(bot, who, [[SAY[l].possible, [check(l)]]]);
    await bot.advance(61 * 60_000);
    await play(bot, who, [[button(asked!, "safe"), [thanks(l)]]]);
    expect((await risks())[0]).toMatchObject({ severity: "low", answer: "safe", status: "open" });
    expect(alertsTo(bot)).toHaveLength(1);
  });

  it("“not safe” after answering “safe” earlier opens a new high alert", async () => {
    const [asked] = await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "safe"), [thanks(l)]],
    ]);
    await play(bot, who, [[button(asked!, "not_safe"), [safety(l)], 1]]);
    const rows = await risks();
    expect(rows.map((r) => [r.status, r.answer])).toEqual([
      ["closed", "safe"],
      ["open", "not_safe"],
    ]);
    expect(rows[1]).toMatchObject({ severity: "high", grade: "possible", topic: "burdensomeness" });
  });

  it("a second possible risk while the check is open does not ask again, and is counted on it", async () => {
    await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [SAY[l].possible2, [t(l, "esc.check_again", { helplines: "Livslinien 70 201 201" })]],
    ]);
    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "checking", occurrences: 2, excerpt: SAY[l].possible2 });
  });

  it("a clear risk while the check is open escalates as clear at once, with the full safety reply", async () => {
    await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [SAY[l].clear, [safety(l)], 1],
    ]);
    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "open", grade: "clear", topic: "wish_dead", severity: "high", occurrences: 2 });
    // The timeout has nothing left to do.
    await bot.advance(2 * 3_600_000);
    expect(alertsTo(bot)).toHaveLength(1);
  });

  it("a possible risk while an alert is open: counted on it and asked gently; “not safe” then acts on that alert", async () => {
    await play(bot, who, [
      [SAY[l].clear, [safety(l)], 1],
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "not_safe"), [safety(l)]],
    ]);
    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "open", grade: "clear", severity: "high", occurrences: 2, answer: "not_safe" });
  });

  it("opening the alert shows the grade, topic and answer to the coordinator", async () => {
    await play(bot, who, [
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "talk"), [safety(l)], 1],
    ]);
    const [esc] = await risks();
    const [details] = await bot.say("console:kim", { action: `esc:open:${esc!.id}` });
    expect(details!.text).toContain(assessed("talk"));
  });
});

// The gentle check in the middle of the intake (after "safe" its open question comes back), typed
// answers instead of buttons (clear ones count; anything else is handled as usual and the check
// stays open until the timeout), and the check surviving a restart and a second instance.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { readCheckAnswer } from "../../src/capabilities/escalation/check-answers.js";
import { openTestDb } from "../helpers/test-db.js";
import { addPerson, createEscBot, type EscBot } from "./harness.js";
import { alertsTo, button, check, detect, play, safety, SAY, thanks, type Row } from "./graded-helpers.js";

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

const intakeStart = (l: Locale): Row[] => [
  [{ action: `lang:${l}` }, [t(l, "cmd.language_set"), t(l, "welcome.who")]],
  [{ action: "role:mentee" }, [t(l, "mentee.consent")]],
  [{ action: "yes" }, [t(l, "mentee.consent_share")]],
  [{ action: "yes" }, [t(l, "mentee.consent_stats")]],
  [{ action: "yes" }, [t(l, "mentee.name")]],
  ["Ali", [t(l, "mentee.situation")]],
];

// [language, typed answer, what it means]
const TYPED: [Locale, string, "safe" | "not_safe" | "talk"][] = [
  ["da", "jeg er ok", "safe"],
  ["da", "Jeg er i sikkerhed", "safe"],
  ["da", "nej ikke rigtig", "not_safe"],
  ["da", "jeg er ikke ok", "not_safe"],
  ["da", "jeg vil gerne tale med nogen", "talk"],
  ["en", "I'm safe", "safe"],
  ["en", "im ok", "safe"],
  ["en", "no not really", "not_safe"],
  ["en", "I am not safe", "not_safe"],
  ["en", "I need to talk to someone", "talk"],
];

describe.each(["da", "en"] as const)("in the middle of the intake (%s)", (l) => {
  const who = `console:ali-${l}`;

  it("the check alone; after “safe” the thanks and the open question right after; the intake goes on", async () => {
    await play(bot, who, [
      ...intakeStart(l),
      [SAY[l].possible, [check(l)]],
      [(last) => button(last, "safe"), [thanks(l), t(l, "mentee.situation")]],
      ["1", [t(l, "mentee.education_level")]],
    ]);
    expect((await risks())[0]).toMatchObject({ source: "intake", answer: "safe", status: "closed" });
  });

  it("after “not safe” the safety reply alone; the question comes back gently with the next message", async () => {
    const turns = await play(bot, who, [...intakeStart(l), [SAY[l].possible, [check(l)]], [(last) => button(last, "not_safe"), [safety(l)], 1]]);
    expect(turns.at(-1)![0]!.buttons).toBeUndefined();
    const next = await bot.say(who, "hmm");
    expect(next.map((r) => r.text).join("\n")).toContain(t(l, "flow.resume_gently"));
    expect(next.map((r) => r.text).join("\n")).toContain(t(l, "mentee.situation"));
  });

  it("a typed “safe” answers the check, and the question comes back too", async () => {
    await play(bot, who, [...intakeStart(l), [SAY[l].possible, [check(l)]], [l === "da" ? "jeg er ok" : "I'm ok", [thanks(l), t(l, "mentee.situation")]]]);
  });
});

describe("typed answers", () => {
  it.each(TYPED)("(%s) “%s” is read as %s", async (l, text, answer) => {
    await addPerson(db, "sam", { roles: ["mentee"], locale: l });
    const reply = answer === "safe" ? [thanks(l)] : [safety(l)];
    await play(bot, "console:sam", [
      [SAY[l].possible, [check(l)]],
      [text, reply, answer === "safe" ? 0 : 1],
    ]);
    expect((await risks())[0]).toMatchObject({ answer, status: answer === "safe" ? "closed" : "open" });
  });

  it("a message that is no clear answer is handled as usual, and the check stays open until the timeout", async () => {
    await addPerson(db, "sam", { roles: ["mentee"], locale: "da" });
    await play(bot, "console:sam", [[SAY.da.possible, [check("da")]]]);
    const replies = await bot.say("console:sam", "det ved jeg ikke helt");
    expect(replies.map((r) => r.text)).not.toContain(thanks("da"));
    expect(replies.map((r) => r.text)).not.toContain(safety("da"));
    expect((await risks())[0]).toMatchObject({ status: "checking", answer: null });
    // Once something else was said, a bare "nej" answers that, not the check.
    await bot.say("console:sam", "nej");
    expect((await risks())[0]).toMatchObject({ status: "checking", answer: null });
    await bot.advance(61 * 60_000);
    expect((await risks())[0]).toMatchObject({ status: "open", answer: "no_answer", severity: "low" });
    expect(alertsTo(bot)).toHaveLength(1);
  });

  it("typed words that would answer the check are nothing special when no check is open", async () => {
    await addPerson(db, "sam", { roles: ["mentee"], locale: "en" });
    const replies = await bot.say("console:sam", "I'm safe");
    expect(replies.map((r) => r.text)).not.toContain(thanks("en"));
    expect(await risks()).toHaveLength(0);
  });

  it("reads only short, clear answers; a bare yes/no only right after the check", () => {
    expect(readCheckAnswer("nej", true)).toEqual({ answer: "not_safe", language: "da" });
    expect(readCheckAnswer("nej", false)).toBeUndefined();
    expect(readCheckAnswer("yes", true)).toEqual({ answer: "safe", language: "en" });
    expect(readCheckAnswer("jeg er ikke sikker på hvad jeg skal svare", true)).toBeUndefined();
    expect(readCheckAnswer("I'm not sure", true)).toBeUndefined();
    expect(readCheckAnswer("jeg er ok men min ven har det rigtig dårligt og jeg ved ikke hvad jeg skal gøre", true)).toBeUndefined();
  });
});

describe("kept in the database", () => {
  it("a restart in between loses nothing: the new process takes the button and the timeout", async () => {
    await addPerson(db, "sam", { roles: ["mentee"], locale: "en" });
    const [asked] = await play(bot, "console:sam", [[SAY.en.possible, [check("en")]]]);
    bot = await createEscBot(db, { detect });
    bot.clock.set(new Date(bot.clock.now().getTime() + 10 * 60_000));
    await play(bot, "console:sam", [[button(asked!, "talk"), [safety("en")], 1]]);
    expect((await risks())[0]).toMatchObject({ answer: "talk", severity: "medium" });
  });

  it("two instances: the same possible message asks once, and the timeout alerts once", async () => {
    await addPerson(db, "sam", { roles: ["mentee"], locale: "en" });
    const other = await createEscBot(db, { detect });
    const event = { text: SAY.en.possible, eventId: "console:e1" };
    const both = await Promise.all([bot.say("console:sam", event), other.say("console:sam", event)]);
    expect(both.flat().map((r) => r.text)).toEqual([check("en")]);
    expect(await risks()).toHaveLength(1);
    // A different message at the same time from the same person: counted, not asked again.
    await Promise.all([bot.say("console:sam", SAY.en.possible2), other.say("console:sam", SAY.en.homeless)]);
    expect(await risks()).toHaveLength(1);
    for (const b of [bot, other]) b.clock.advance(61 * 60_000);
    await Promise.all([bot.app.tick(), other.app.tick()]);
    expect([...alertsTo(bot), ...alertsTo(other)]).toHaveLength(1);
    expect((await risks())[0]).toMatchObject({ occurrences: 3, answer: "no_answer" });
  });

  it("erasing the person closes a check that waits, so nobody is alerted about no one", async () => {
    const samId = await addPerson(db, "sam", { roles: ["mentee"], locale: "da" });
    await play(bot, "console:sam", [[SAY.da.possible, [check("da")]]]);
    await bot.say("console:sam", "slet mine data");
    await bot.say("console:sam", { action: "delete:yes" });
    expect(await db.prisma.person.findUnique({ where: { id: samId } })).toBeNull();
    await bot.advance(2 * 3_600_000);
    expect(alertsTo(bot)).toHaveLength(0);
    expect((await risks())[0]).toMatchObject({ status: "closed", grade: "possible", topic: "burdensomeness", excerpt: null });
  });
});

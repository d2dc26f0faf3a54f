// Risk language anywhere → the safety reply first (the normal answer follows), one alert to the
// coordinators with kind, urgency, role, source and a short excerpt — and nothing for look-alikes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { freeText } from "../../src/capabilities/escalation/safety-check.js";
import { openTestDb } from "../helpers/test-db.js";
import { detectRisk } from "../../src/lib/safety/detect-risk.js";
import { addPerson, allClear, createEscBot, type EscBot } from "./harness.js";

type In = string | { action: string };
/** Input → expected reply (catalogue text or pattern); `alert`: the safety reply first and one alert. */
type Row = [In, string | RegExp] | [In, string | RegExp, "alert"];

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: EscBot;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createEscBot(db);
  await addPerson(db, "kim", { roles: ["coordinator"], name: "Kim Larsen" });
});

// The default help lines by category (112 is in the text itself, so it is not listed again).
const LIVSLINIEN = { name: "Livslinien", number: "70 201 201" };
const LEV_UDEN_VOLD = { name: "Lev Uden Vold", number: "1888" };
const safety = (l: Locale, line = LIVSLINIEN) => t(l, "esc.safety", { helplines: t(l, "esc.helpline", line) });

/** The alert's assessment line of a clear risk: its grade and (unless "other") its topic, as the detector gives it. */
function riskLine(text: string): string {
  const grade = t("da", "esc.grade.clear");
  const topic = detectRisk(text)!.topic;
  return topic === "other" ? t("da", "esc.risk", { grade }) : t("da", "esc.risk_topic", { grade, topic: t("da", `esc.topic.${topic}`) });
}

async function play(from: string, rows: Row[]): Promise<string[][]> {
  const all: string[][] = [];
  for (const [i, [input, expected, alert]] of rows.entries()) {
    const before = bot.to("console:kim").length;
    const replies = (await bot.say(from, input)).map((r) => r.text);
    all.push(replies);
    // On risk the safety reply must come first; otherwise the expected text is somewhere in the answer.
    if (alert) expect(replies[0], `row ${i}`).toBe(expected);
    else if (typeof expected === "string") expect(replies.join("\n"), `row ${i}`).toContain(expected);
    else expect(replies.join("\n"), `row ${i}`).toMatch(expected);
    expect(bot.to("console:kim").length - before, `row ${i}: alerts`).toBe(alert ? 1 : 0);
  }
  return all;
}

const intakeStart = (l: Locale): Row[] => [
  ["hej", /.+/],
  [{ action: `lang:${l}` }, t(l, "welcome.who")],
  [{ action: "role:mentee" }, t(l, "mentee.consent")],
  [{ action: "yes" }, t(l, "mentee.consent_share")],
  [{ action: "yes" }, t(l, "mentee.consent_stats")],
  [{ action: "yes" }, t(l, "mentee.name")],
  ["Ali", t(l, "mentee.situation")],
];

const RISK: Record<Locale, { text: string; severity: "high" | "medium"; line: { name: string; number: string } }[]> = {
  da: [
    { text: "Jeg har haft selvmordstanker hele weekenden", severity: "high", line: LIVSLINIEN },
    { text: "min kæreste slår mig når han er fuld", severity: "high", line: LEV_UDEN_VOLD },
    { text: "jeg kan ikke stoppe med at drikke", severity: "medium", line: LIVSLINIEN },
  ],
  en: [
    { text: "I have been thinking about killing myself", severity: "high", line: LIVSLINIEN },
    { text: "my boyfriend hits me when he is drunk", severity: "high", line: LEV_UDEN_VOLD },
    { text: "I can't stop drinking", severity: "medium", line: LIVSLINIEN },
  ],
};

const LOOK_ALIKES: Record<Locale, string[]> = {
  da: ["jeg dør af grin over den stillingsannonce", "det tager livet af mig at skrive ansøgninger", "jeg keder mig ihjel på det her kursus"],
  en: ["I could kill for a coffee", "this deadline is killing me", "I'm dying to hear back from that interview"],
};

describe.each(["da", "en"] as const)("risk language in the intake (%s)", (l) => {
  it("answers with the safety reply alone, then goes on with the intake, and alerts the coordinator once", async () => {
    const risk = RISK[l][0]!;
    const replies = await play(`console:ali-${l}`, [...intakeStart(l), [risk.text, safety(l), "alert"], ["1", t(l, "mentee.education_level")]]);
    // Nothing after the safety reply in the same turn: no question glued to it, no cheerful line.
    expect(replies.at(-2)).toEqual([safety(l)]);

    const esc = await db.prisma.escalation.findFirstOrThrow();
    expect(esc).toMatchObject({
      kind: "risk",
      severity: "high",
      grade: "clear",
      answer: null,
      source: "intake",
      excerpt: risk.text,
      status: "open",
      notifyCount: 1,
    });
    const alert = bot.to("console:kim")[0]!;
    expect(alert.text).toBe(
      t("da", "esc.alert", {
        what: t("da", "esc.kind.risk"),
        severity: t("da", "esc.severity.high"),
        risk: riskLine(risk.text),
        who: t("da", "esc.who.new"),
        source: t("da", "esc.source.intake"),
        seen: "",
        excerpt: t("da", "esc.excerpt", { text: `> ${risk.text}` }),
      }),
    );
    // Minimum personal data: the alert names nobody.
    expect(alert.text).not.toContain("Ali");
    expect(alert.buttons!.map((b) => b.action)).toEqual(["open", "ack", "me", "res"].map((v) => `esc:${v}:${esc.id}`));
    const audit = await db.prisma.auditLog.findMany({ where: { action: "escalation.risk" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ escalationId: esc.id, severity: "high", source: "intake" });
  });

  it("the open question comes back gently with the next message, not glued to the safety reply", async () => {
    const risk = RISK[l][0]!;
    const replies = await play(`console:ali-${l}`, [...intakeStart(l), [risk.text, safety(l), "alert"], ["hmm", t(l, "flow.resume_gently")]]);
    expect(replies.at(-1)!.join("\n")).toContain(t(l, "mentee.situation"));
    // And the flow goes on from there as usual.
    expect((await bot.say(`console:ali-${l}`, "1")).map((r) => r.text).join("\n")).toContain(t(l, "mentee.education_level"));
  });

  it("between flows: the safety reply and nothing else (no greeting, no menu)", async () => {
    await addPerson(db, `idle-${l}`, { roles: ["mentee"], locale: l });
    const replies = await bot.say(`console:idle-${l}`, RISK[l][0]!.text);
    expect(replies.map((r) => r.text)).toEqual([safety(l)]);
  });

  it("answers in the language the message was written in, whatever the profile says", async () => {
    const other = l === "da" ? "en" : "da";
    await addPerson(db, `other-${l}`, { roles: ["mentee"], locale: other });
    const replies = await bot.say(`console:other-${l}`, RISK[l][0]!.text);
    expect(replies.map((r) => r.text)).toEqual([safety(l)]);
  });

  it.each(RISK[l].slice(1))("also for “$text” ($severity) in the plain chat, with the help line for it", async ({ text, severity, line }) => {
    // Help lines and urgency as a clear risk has them, whatever grade the detector gives a milder
    // sentence (the gentle check of a possible risk: graded-*.test.ts).
    bot = await createEscBot(db, { detect: allClear });
    await addPerson(db, `p-${l}`, { roles: ["mentee"], locale: l });
    await play(`console:p-${l}`, [[text, safety(l, line), "alert"]]);
    expect(await db.prisma.escalation.findFirstOrThrow()).toMatchObject({ severity, source: "chat" });
    expect(bot.to("console:kim")[0]!.text).toContain(t("da", `esc.severity.${severity}`));
    expect(bot.to("console:kim")[0]!.text).toContain(t("da", "esc.who.mentee"));
  });

  it("does not react to harmless look-alikes", async () => {
    await addPerson(db, `p-${l}`, { roles: ["mentee"], locale: l });
    for (const text of LOOK_ALIKES[l]) {
      const replies = await bot.say(`console:p-${l}`, text);
      expect(replies.map((r) => r.text)).not.toContain(safety(l));
    }
    expect(await db.prisma.escalation.count()).toBe(0);
    await bot.advance(60_000);
    expect(bot.to("console:kim")).toHaveLength(0);
  });
});

describe("the safety check", () => {
  it("raises once per event, and a second message within the hour gets the short reply and is counted on the open alert", async () => {
    await addPerson(db, "sam", { roles: ["mentee"], locale: "en" });
    const event = { text: "I have been thinking about killing myself", eventId: "console:e1" };
    expect((await bot.say("console:sam", event))[0]!.text).toBe(safety("en"));
    expect(await bot.say("console:sam", event)).toEqual([]); // a redelivery
    const again = await bot.say("console:sam", "I cut myself again last night");
    expect(again[0]!.text).toBe(t("en", "esc.safety_again", { helplines: "Livslinien 70 201 201" }));
    // One open alert per person: the second message is counted on it, not alerted again.
    expect(await db.prisma.escalation.count()).toBe(1);
    expect(await db.prisma.escalation.findFirstOrThrow()).toMatchObject({ occurrences: 2, excerpt: "I cut myself again last night" });
    expect(bot.to("console:kim")).toHaveLength(1);
  });

  it("uses the configured help lines", async () => {
    const configured = [
      { name: "Psykiatriens Hus", number: "12 34 56 78" },
      { name: "Alarm", number: "112" },
    ];
    bot = await createEscBot(db, { settings: { helplines: configured } });
    await addPerson(db, "sam", { roles: ["mentee"], locale: "en" });
    const [reply] = await bot.say("console:sam", "I have been thinking about killing myself");
    expect(reply!.text).toBe(safety("en", configured[0]));
  });

  it("names relayed messages as the source and keeps the excerpt to 120 characters", async () => {
    await addPerson(db, "sara", { roles: ["mentee"] });
    const long = `besked Hej Anna. ${"Jeg har søgt job i lang tid og det går ikke godt. ".repeat(3)}Jeg har tænkt på at tage mit eget liv. ${"Alt føles håbløst. ".repeat(5)}`;
    await play("console:sara", [[long, safety("da"), "alert"]]);
    const esc = await db.prisma.escalation.findFirstOrThrow();
    expect(esc.source).toBe("relay");
    expect(esc.excerpt!.length).toBeLessThanOrEqual(120);
    expect(esc.excerpt).toContain("tage mit eget liv");
    expect(bot.to("console:kim")[0]!.text).toContain(t("da", "esc.source.relay"));
  });

  it("checks the text fields of a submitted form, never a button press", async () => {
    expect(freeText({ from: "x", action: "chk:y:1" })).toBeUndefined();
    expect(freeText({ from: "x", action: "form:1", fields: { hours: "2", note: "jeg vil ikke leve mere" } })).toBe("2.\njeg vil ikke leve mere");
    await addPerson(db, "omar", { roles: ["mentor"] });
    const replies = await bot.say("console:omar", { action: "chk:form:1", fields: { note: "min mentee skrev at hun vil tage sit liv" } });
    expect(replies[0]!.text).toBe(safety("da"));
    expect(await db.prisma.escalation.findFirstOrThrow()).toMatchObject({ kind: "risk", source: "chat" });
  });

  it("leaves coordinators' own notes alone", async () => {
    const replies = await bot.say("console:kim", "Talte med hende om selvmordstanker, hun har fået hjælp");
    expect(replies.map((r) => r.text)).not.toContain(safety("da"));
    expect(await db.prisma.escalation.count()).toBe(0);
  });
});

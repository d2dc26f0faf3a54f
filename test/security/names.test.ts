// Names are where people pose as others: invisible names (Hangul fillers, zero-width and format
// characters, lone combining marks) are refused with a clear answer wherever a name enters,
// "Zalgo" marks are capped, a name mixing alphabets inside a word ("Аnna" with a Cyrillic А) is
// flagged on the coordinators' screens, and the coordinators' search finds it as "Anna".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { saveMentor } from "../../src/capabilities/onboarding/index.js";
import { validateRow } from "../../src/capabilities/import/mentor-rows.js";
import { queueProposalToCoordinators } from "../../src/capabilities/matchmaking/run-matching.js";
import { cleanName, MAX_MARKS, mixedScripts, nameSkeleton } from "../../src/lib/text/names.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

const INVISIBLE: [string, string][] = [
  ["Hangul filler U+3164", "\u3164"],
  ["Hangul choseong/jungseong fillers", "\u115f\u1160"],
  ["halfwidth Hangul filler", "\uffa0\uffa0"],
  ["zero-width spaces and joiners", "\u200b\u200c\u200d\u2060"],
  ["only combining marks", "\u0301\u0308\u0327"],
  ["whitespace and format characters", "\u3000\u00ad\u180e\u202e \ufeff"],
  ["a blank braille cell", "\u2800"],
  ["a combining grapheme joiner and variation selectors", "\u034f\ufe0f\ufe0e"],
];
const ZALGO = "Z\u0351\u0352\u0353\u0354\u0355a\u0300\u0301\u0302\u0303\u0304l\u0305\u0306\u0307\u0308go";
const CYRILLIC_ANNA = "\u0410nna Jensen"; // "Аnna Jensen", the first letter Cyrillic А
const marksPerLetter = (s: string) =>
  Math.max(
    0,
    ...s
      .normalize("NFD")
      .split(/\P{M}/u)
      .map((run) => [...run].length),
  );

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createBotHarness(db);
});

async function toNameStep(who: string, l: Locale, role: "mentee" | "mentor" | "coordinator"): Promise<void> {
  await bot.say(who, "hej");
  await bot.say(who, { action: `lang:${l}` });
  await bot.say(who, { action: `role:${role}` });
  const consents = role === "mentee" ? 3 : role === "mentor" ? 1 : 0;
  let last = "";
  for (let i = 0; i < consents; i++) last = (await bot.say(who, { action: "yes" })).map((m) => m.text).join("\n");
  if (role !== "coordinator") expect(last).toContain(t(l, role === "mentee" ? "mentee.name" : "mentor.name"));
}

async function coordinator(key: string, locale: Locale = "en"): Promise<string> {
  const p = await db.prisma.person.create({
    data: {
      displayName: "Kim",
      locale,
      roles: ["coordinator"],
      identities: { create: { externalId: `console:${key}`, platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  return p.id;
}

async function person(name: string, roles: string[] = ["mentee"]): Promise<string> {
  return (await db.prisma.person.create({ data: { displayName: name, roles } })).id;
}

describe("invisible names", () => {
  it.each(INVISIBLE)("are refused in the mentee intake with a clear answer: %s", async (_label, name) => {
    await toNameStep("console:ali", "en", "mentee");
    const reply = await bot.ask("console:ali", name);
    expect(reply).toContain(t("en", "name.invisible"));
    expect(reply).not.toContain(t("en", "mentee.situation"));
    // The question stands; an ordinary name goes on.
    expect(await bot.ask("console:ali", "Ali")).toContain(t("en", "mentee.situation"));
  });

  it("are refused in the mentor and coordinator sign-ups too (in Danish as well)", async () => {
    await toNameStep("console:omar", "da", "mentor");
    expect(await bot.ask("console:omar", "\u3164")).toContain(t("da", "name.invisible"));
    expect(await bot.ask("console:omar", "Omar")).toContain(t("da", "mentor.industry"));

    await toNameStep("console:kim", "en", "coordinator");
    expect(await bot.ask("console:kim", "\u200b\u3164")).toContain(t("en", "name.invisible"));
    expect(await bot.ask("console:kim", "Kim")).toContain(t("en", "coordinator.code"));
  });

  it("are refused in a CSV import, with their own reason", () => {
    const columns = { name: 0, email: 1, industry: 2, municipality: 3 };
    expect(validateRow(2, ["\u3164\u3164", "a@b.dk", "it", "Aarhus"], columns).errors.map((e) => e.code)).toEqual(["name_invisible"]);
    expect(validateRow(3, ["\u0410nna\u200b", "a@b.dk", "it", "Aarhus"], columns).row?.name).toBe("\u0410nna");
    expect(t("en", "imp.err.name_invisible")).not.toBe("imp.err.name_invisible");
  });

  it("lose their invisible characters inside an otherwise visible name", () => {
    expect(cleanName("An\u200bna\u2060 \u3164Jensen")).toEqual({ ok: true, name: "Anna Jensen" });
    expect(cleanName("...")).toEqual({ ok: false, problem: "not_a_name" });
    // Scripts that need a zero-width non-joiner keep it between their letters.
    expect(cleanName("میلاد\u200cپور")).toEqual({ ok: true, name: "میلاد\u200cپور" });
    expect(cleanName("Nguyễn Thị Ánh")).toEqual({ ok: true, name: "Nguyễn Thị Ánh" });
  });
});

describe("Zalgo names", () => {
  it("are capped to a few marks per letter in the intake, and the rest of the name is kept", async () => {
    await toNameStep("console:zed", "en", "mentee");
    expect(marksPerLetter(ZALGO)).toBeGreaterThan(MAX_MARKS);
    const reply = await bot.ask("console:zed", ZALGO);
    expect(reply).toContain(t("en", "mentee.situation"));
    const convo = await db.prisma.conversation.findFirstOrThrow({ where: { person: { identities: { some: { externalId: "console:zed" } } } } });
    const stored = String((convo.data as { flow: { answers: { name: string } } }).flow.answers.name);
    expect(marksPerLetter(stored)).toBeLessThanOrEqual(MAX_MARKS);
    expect(stored.normalize("NFD").replace(/\p{M}/gu, "")).toBe("Zalgo");
  });
});

describe("look-alike names", () => {
  it("have one skeleton for Cyrillic, Greek, fullwidth and Latin letters; mixing inside a word is found", () => {
    expect(nameSkeleton(CYRILLIC_ANNA)).toBe("anna jensen");
    expect(nameSkeleton("\u0391\u039d\u039d\u0391")).toBe("anna"); // Greek capitals
    expect(nameSkeleton("J\u03bfhn")).toBe("john"); // Greek omicron
    expect(nameSkeleton("\uff21\uff4e\uff4e\uff41")).toBe("anna"); // fullwidth
    expect(mixedScripts(CYRILLIC_ANNA)).toEqual(["Latin", "Cyrillic"]);
    expect(mixedScripts("J\u03bfhn")).toEqual(["Latin", "Greek"]);
    // A whole word in one alphabet is normal: a Ukrainian name, or a Latin first name and a Cyrillic surname.
    expect(mixedScripts("Тарас Шевченко")).toEqual([]);
    expect(mixedScripts("Anna Петренко")).toEqual([]);
  });

  it("`person Anna` finds Аnna, and the coordinator's card and pick list flag the mixed alphabets", async () => {
    await coordinator("kim");
    const fake = await person(CYRILLIC_ANNA);
    await person("Anna Berg");
    const warning = t("en", "name.mixed_scripts", { name: CYRILLIC_ANNA, scripts: `${t("en", "name.script.Latin")} + ${t("en", "name.script.Cyrillic")}` });
    expect(warning).toContain("⚠ name mixes alphabets (Latin + Cyrillic)");

    const pick = await bot.say("console:kim", "person Anna");
    expect(pick[0]!.text).toBe(t("en", "co.person_pick"));
    const labels = pick[0]!.buttons!.map((b) => b.label);
    expect(labels).toHaveLength(2);
    expect(labels.filter((l) => l.startsWith("⚠"))).toEqual([expect.stringContaining(CYRILLIC_ANNA)]);

    const card = await bot.ask("console:kim", `person ${fake}`);
    expect(card).toContain(warning);
    // Typed with the look-alike letter, the search finds both as well.
    expect((await bot.say("console:kim", "person \u0410NNA"))[0]!.buttons).toHaveLength(2);
    expect(await bot.ask("console:kim", "person berg")).not.toContain("⚠");
  });

  it("are flagged in the proposal and mentor-approval notices to coordinators", async () => {
    const kim = await coordinator("kim", "da");
    const programmeId = (await db.prisma.programme.findFirstOrThrow()).id;
    const mentee = await person("S\u0430ra", ["mentee"]); // Cyrillic а
    const mentor = await person("Lars", ["mentor"]);
    const proposal = await db.prisma.proposal.create({
      data: { programmeId, menteeId: mentee, mentorId: mentor, score: 80, reasons: [], status: "proposed", createdAt: new Date() },
    });
    await db.prisma.$transaction((tx) => queueProposalToCoordinators(tx, proposal.id, new Date()));
    const mixed = (name: string) => t("da", "name.mixed_scripts", { name, scripts: `${t("da", "name.script.Latin")} + ${t("da", "name.script.Cyrillic")}` });
    const notice = await db.prisma.outbox.findFirstOrThrow({ where: { recipient: kim, kind: "proposal" } });
    expect((notice.payload as { params: Record<string, string> }).params).toMatchObject({ mentee: mixed("S\u0430ra"), mentor: "Lars" });

    const newMentor = await person("", []);
    const answers = { name: "\u041carie", industry: ["it"], municipality: "aarhus", qualifications: "x" }; // Cyrillic М
    await db.prisma.$transaction((tx) => saveMentor(tx, { type: "signup", role: "mentor", answers }, { personId: newMentor, programmeId, now: new Date() }));
    const pending = await db.prisma.outbox.findFirstOrThrow({ where: { recipient: kim, kind: "coordinator_notice" } });
    expect((pending.payload as { params: Record<string, string> }).params.name).toBe(mixed("\u041carie"));
  });
});

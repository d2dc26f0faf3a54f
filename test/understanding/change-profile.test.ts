// "Change an answer of my profile" (intent change_profile, onboarding's profile-edit.ts) as
// transcripts through the real bot, Danish and English, for a waiting mentee and for mentors: a
// field named in the sentence asks that one question again exactly as the sign-up asked it (with a
// Cancel button), a sentence without one shows the fields as buttons; the answer is read as the
// sign-up reads it (buttons and typed text for multi-select), a wrong one is asked again, "annuller"
// leaves without changes, and only that answer is stored. A mentor's edit never changes their
// status or approval; a waiting mentee's edit is used by the next matching run.
import { describe, expect, it } from "vitest";
import { t, type Locale, type Params } from "../../src/core/i18n/index.js";
import type { ConvoData } from "../../src/core/conversation/router.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { getStep } from "../../src/core/flows/engine.js";
import { askStep } from "../../src/core/flows/render.js";
import { menteeIntake, mentorOnboarding } from "../../src/capabilities/onboarding/index.js";
import { changeMentorStatus, saveMentorProfile } from "../../src/infra/people/mentor-status.js";
import { T0, type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

let db: TestDb;
let bot: BotHarness;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

const BEFORE = new Date(T0.getTime() - 864e5);
const k = (l: Locale, key: string, p: Params = {}) => t(l, key, p);

type In = string | { action: string };
/** What the bot must answer: the exact text, a pattern, or a check of the replies. */
type Check = string | RegExp | ((replies: OutboundMessage[]) => unknown);
type Row = [In, Check | Check[]];

const MONA = "console:mona";
const MIKKEL = "console:mikkel";

async function person(key: string, name: string, roles: string[], locale: Locale): Promise<string> {
  const p = await db.prisma.person.create({
    data: {
      displayName: name,
      locale,
      roles,
      identities: { create: { externalId: `console:${key}`, platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  await db.prisma.consent.create({ data: { personId: p.id, purpose: "matching", granted: true, at: BEFORE } });
  return p.id;
}

const programmeId = async () => (await db.prisma.programme.findFirstOrThrow()).id;

/** Mona, waiting for a mentor: health in Copenhagen, Danish, weekdays in the daytime. */
async function mona(l: Locale): Promise<string> {
  const id = await person("mona", "Mona", ["mentee"], l);
  await db.prisma.menteeProfile.create({
    data: {
      personId: id,
      programmeId: await programmeId(),
      situation: "refugee_immigrant",
      targetGroup: "refugee_immigrant",
      industries: ["health"],
      municipality: "koebenhavn",
      languages: ["da"],
      availability: ["weekday_day"],
      helpWanted: ["cv"],
      goals: ["job"],
      meetingForms: ["in_person"],
      status: "waiting",
      waitingSince: BEFORE,
    },
  });
  return id;
}

/** Mikkel, a mentor in IT in Aarhus as the chat registers one: pending, or approved by a coordinator. */
async function mikkel(l: Locale, approved: boolean): Promise<string> {
  const id = await person("mikkel", "Mikkel", ["mentor"], l);
  const fields = {
    industry: "it",
    municipality: "aarhus",
    languages: ["da", "en"],
    capacity: 1,
    hoursPerMonth: 4,
    availability: ["weekday_day"],
    competences: ["cv"],
    meetingForms: ["in_person"],
  };
  await saveMentorProfile(db.prisma, id, await programmeId(), fields, "pending", { role: "self", id }, BEFORE);
  if (approved) {
    const coordinator = await person("coord", "Kim", ["coordinator"], "da");
    await changeMentorStatus(db.prisma, id, { type: "approve" }, { role: "coordinator", id: coordinator }, new Date(BEFORE.getTime() + 1000));
  }
  return id;
}

const menteeRow = (id: string) => db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: id } });
const mentorRow = (id: string) => db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: id } });
const nameOf = async (id: string) => (await db.prisma.person.findUniqueOrThrow({ where: { id } })).displayName;
const edits = (id: string) =>
  db.prisma.auditLog.findMany({ where: { subjectId: id, action: { endsWith: ".profile_changed" } }, select: { action: true, details: true } });
const statusRows = (id: string) => db.prisma.auditLog.count({ where: { subjectId: id, action: "mentor.status" } });
const mode = async () => ((await db.prisma.conversation.findMany()).map((c) => (c.data as unknown as ConvoData).mode) as string[]).filter((m) => m !== "idle");

/**
 * Sends a sentence. The recogniser may read it as unsure and ask "did you mean: change an answer
 * in your profile?": then Yes is pressed, as a person would. Returns the answer to the sentence.
 */
async function understood(from: string, l: Locale, text: string): Promise<OutboundMessage[]> {
  const replies = await bot.say(from, text);
  const asked = replies.at(-1)?.buttons?.some((b) => b.action === "und:yes");
  if (!asked) return replies;
  expect(replies.at(-1)!.text).toBe(k(l, "understand.did_you_mean", { what: k(l, "understand.what.change_profile") }));
  return bot.say(from, { action: "und:yes" });
}

async function play(from: string, l: Locale, rows: Row[]): Promise<void> {
  for (const [i, [input, checks]] of rows.entries()) {
    const replies = typeof input === "string" && i === 0 ? await understood(from, l, input) : await bot.say(from, input);
    const text = replies.map((r) => r.text).join("\n---\n");
    const what = `row ${i}: ${JSON.stringify(input)} → ${text}`;
    for (const expected of Array.isArray(checks) ? checks : [checks]) {
      if (typeof expected === "string") expect(text, what).toBe(expected);
      else if (expected instanceof RegExp) expect(text, what).toMatch(expected);
      else await expected(replies);
    }
  }
}

const cancel = (l: Locale) => ({ action: "prof:cancel", label: k(l, "common.cancel") });

/** The sign-up's own question for this step, word for word with its buttons, and a Cancel button. */
const asks =
  (role: "mentee" | "mentor", stepId: string, l: Locale, prefix?: string) =>
  (replies: OutboundMessage[]): void => {
    const step = getStep(role === "mentee" ? menteeIntake : mentorOnboarding, stepId);
    const question = askStep(step, l, prefix ? k(l, prefix) : undefined);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(question.text);
    expect(replies[0]!.buttons ?? []).toEqual([...(question.buttons ?? []), cancel(l)]);
  };

/** The editable fields as buttons (a mentor also has capacity and hours), and Cancel. */
const picks =
  (steps: string[], l: Locale) =>
  (replies: OutboundMessage[]): void => {
    expect(replies.at(-1)!.text).toBe(k(l, "profile.which"));
    expect(replies.at(-1)!.buttons).toEqual([...steps.map((id) => ({ action: `prof:${id}`, label: k(l, `profile.field.${id}`) })), cancel(l)]);
  };

const MENTEE_FIELDS = ["name", "municipality", "industries", "languages", "availability"];
const MENTOR_FIELDS = ["name", "municipality", "industry", "languages", "availability", "capacity", "hours"];

describe("a mentee changes one answer, the field named in the sentence", () => {
  it.each([
    ["da", "jeg er flyttet til Aarhus", "Din kommune er nu Aarhus."],
    ["en", "I have moved to Aarhus", "Your municipality is now Aarhus."],
  ] as const)("moved: the municipality question again, only the municipality stored (%s)", async (l, sentence, confirmed) => {
    const id = await mona(l);
    const before = await menteeRow(id);
    await play(MONA, l, [
      [sentence, asks("mentee", "municipality", l)],
      ["Aarhus", confirmed],
    ]);
    expect(await menteeRow(id)).toEqual({ ...before, municipality: "aarhus" });
    expect(await nameOf(id)).toBe("Mona");
    expect(await edits(id)).toEqual([{ action: "mentee.profile_changed", details: { field: "municipality" } }]);
    expect(await mode()).toEqual([]);
  });

  it.each([
    ["da", "kan jeg ændre min branche", "IT og byggeri", "Dine brancher er nu: IT og software, Byggeri og anlæg."],
    ["en", "can I change my industry", "IT and construction", "Your industries are now: IT and software, Construction."],
  ] as const)("the industry: typed as in the intake (%s)", async (l, sentence, answer, confirmed) => {
    const id = await mona(l);
    const before = await menteeRow(id);
    await play(MONA, l, [
      [sentence, asks("mentee", "industries", l)],
      [answer, confirmed],
    ]);
    expect(await menteeRow(id)).toEqual({ ...before, industries: ["it", "construction"] });
  });

  it.each([
    ["en", "I can only meet in the evenings now", "weekend", "You can now meet: Weekdays, evening, Weekends."],
    ["da", "jeg kan kun mødes om aftenen nu", "weekend", "Du kan nu mødes: Hverdage, aften, Weekend."],
  ] as const)("when they can meet: buttons pressed and typed mix, Done saves them all (%s)", async (l, sentence, typed, confirmed) => {
    const id = await mona(l);
    const before = await menteeRow(id);
    await play(MONA, l, [
      [sentence, asks("mentee", "availability", l)],
      [{ action: "opt:weekday_evening" }, [k(l, "common.selected", { items: k(l, "opt.availability.weekday_evening") })]],
      [typed, new RegExp(`^${k(l, "common.added", { items: k(l, "opt.availability.weekend") }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)],
      [{ action: "multi:done" }, confirmed],
    ]);
    expect(await menteeRow(id)).toEqual({ ...before, availability: ["weekday_evening", "weekend"] });
  });

  it.each([
    ["da", "Jeg kan kun mødes om aftenen nu", "aften og weekend"],
    ["en", "I can only meet in the evenings now", "evenings and weekends"],
  ] as const)("when they can meet, typed in one message (%s)", async (l, sentence, typed) => {
    const id = await mona(l);
    await play(MONA, l, [
      [sentence, asks("mentee", "availability", l)],
      [typed, k(l, "profile.saved.availability", { value: `${k(l, "opt.availability.weekday_evening")}, ${k(l, "opt.availability.weekend")}` })],
    ]);
    expect((await menteeRow(id)).availability).toEqual(["weekday_evening", "weekend"]);
  });
});

describe("a mentee without a field named picks one from buttons", () => {
  it.each([
    ["en", "I want to update my profile", { action: "prof:languages" } as In, "Danish, Arabic", "Your languages are now: Danish, Arabic."],
    ["da", "jeg vil gerne ændre min profil", "mine sprog" as In, "dansk og arabisk", "Dine sprog er nu: dansk, arabisk."],
  ] as const)("%s: the fields as buttons, a field pressed or typed, then its question", async (l, sentence, choice, answer, confirmed) => {
    const id = await mona(l);
    const before = await menteeRow(id);
    await play(MONA, l, [
      [sentence, picks(MENTEE_FIELDS, l)],
      [choice, asks("mentee", "languages", l)],
      [answer, confirmed],
    ]);
    expect(await menteeRow(id)).toEqual({ ...before, languages: ["da", "ar"] });
  });

  it.each(["da", "en"] as const)("the menu's button “change my profile” shows the fields (%s)", async (l) => {
    const id = await mona(l);
    await play(MONA, l, [
      [{ action: "intent:change_profile" }, picks(MENTEE_FIELDS, l)],
      ["nonsense", (r: OutboundMessage[]) => expect(r.at(-1)!.text).toBe(`${k(l, "common.choose_from")}\n\n${k(l, "profile.which")}`)],
      ["1", asks("mentee", "name", l)],
      ["Mona Ali", k(l, "profile.saved.name", { value: "Mona Ali" })],
    ]);
    expect(await nameOf(id)).toBe("Mona Ali");
    expect(await edits(id)).toEqual([{ action: "mentee.profile_changed", details: { field: "name" } }]);
  });
});

describe("cancelled and wrong answers", () => {
  it.each([
    ["da", "kan jeg ændre mine sprog", "annuller", "arabisk"],
    ["en", "I want to change my languages", "cancel", "Arabic"],
  ] as const)("“%s … %s” leaves the question without changes", async (l, sentence, word, after) => {
    const id = await mona(l);
    const before = await menteeRow(id);
    await play(MONA, l, [
      [sentence, asks("mentee", "languages", l)],
      [word, k(l, "profile.cancelled")],
      // The next message is no answer to the question any more.
      [after, (r: OutboundMessage[]) => expect(r.map((m) => m.text).join()).not.toContain(k(l, "profile.saved.languages", { value: "" }).slice(0, 8))],
    ]);
    expect(await menteeRow(id)).toEqual(before);
    expect(await edits(id)).toEqual([]);
    expect(await mode()).toEqual([]);
  });

  it.each(["da", "en"] as const)("the Cancel button in the middle of a multi-select keeps what was stored (%s)", async (l) => {
    const id = await mona(l);
    const before = await menteeRow(id);
    await play(MONA, l, [
      [l === "da" ? "jeg kan kun mødes om aftenen nu" : "I can only meet in the evenings now", asks("mentee", "availability", l)],
      [{ action: "opt:weekend" }, [k(l, "common.selected", { items: k(l, "opt.availability.weekend") })]],
      [{ action: "prof:cancel" }, k(l, "profile.cancelled")],
      [
        { action: "multi:done" },
        (r: OutboundMessage[]) => expect(r.map((m) => m.text).join()).not.toContain(k(l, "profile.saved.availability", { value: "" }).slice(0, 8)),
      ],
    ]);
    expect(await menteeRow(id)).toEqual(before);
    expect(await edits(id)).toEqual([]);
  });

  it.each([
    ["da", "jeg er flyttet til Aarhus", "Atlantis", "Odense", "Din kommune er nu Odense."],
    ["en", "I have moved to Aarhus", "Atlantis", "Odense", "Your municipality is now Odense."],
  ] as const)("a municipality not found is asked again, as the intake does (%s)", async (l, sentence, wrong, right, confirmed) => {
    const id = await mona(l);
    await play(MONA, l, [
      [sentence, asks("mentee", "municipality", l)],
      [wrong, asks("mentee", "municipality", l, "mentee.municipality_reprompt")],
      [right, confirmed],
    ]);
    expect((await menteeRow(id)).municipality).toBe("odense");
  });

  it.each(["da", "en"] as const)("an industry not known is asked again (%s)", async (l) => {
    const id = await mona(l);
    await play(MONA, l, [
      [l === "da" ? "kan jeg ændre min branche" : "can I change my industry", asks("mentee", "industries", l)],
      ["blabla", asks("mentee", "industries", l, "mentee.industries_reprompt")],
      ["transport", k(l, "profile.saved.industries", { value: l === "da" ? "Transport og logistik" : "Transport and logistics" })],
    ]);
    expect((await menteeRow(id)).industries).toEqual(["transport"]);
  });
});

describe("matching uses the changed profile", () => {
  it("a waiting mentee who changes industry to the mentor's is proposed by the next run", async () => {
    const id = await mona("da");
    const mentor = await mikkel("da", true);
    // Health in Copenhagen and IT in Aarhus score too low to be proposed.
    await play(MONA, "da", [["kan jeg ændre min branche", asks("mentee", "industries", "da")]]);
    expect(await db.prisma.proposal.count()).toBe(0);
    await play(MONA, "da", [["IT", "Dine brancher er nu: IT og software."]]);
    expect(await db.prisma.proposal.findMany({ select: { menteeId: true, mentorId: true } })).toEqual([{ menteeId: id, mentorId: mentor }]);
  });
});

describe("a mentor changes one answer; their status and approval never change", () => {
  it.each([
    ["da", "jeg vil gerne ændre min profil", "mange", "2", "Du kan nu have 2 mentees ad gangen."],
    ["en", "I want to update my profile", "lots", "2", "You can now have 2 mentees at a time."],
  ] as const)("a pending mentor changes capacity from the buttons, a wrong number asked again (%s)", async (l, sentence, wrong, right, confirmed) => {
    const id = await mikkel(l, false);
    const before = await mentorRow(id);
    await play(MIKKEL, l, [
      [sentence, picks(MENTOR_FIELDS, l)],
      [{ action: "prof:capacity" }, asks("mentor", "capacity", l)],
      [wrong, asks("mentor", "capacity", l, "mentor.capacity_reprompt")],
      [right, confirmed],
    ]);
    expect(await mentorRow(id)).toEqual({ ...before, capacity: 2 });
    expect((await mentorRow(id)).status).toBe("pending");
    expect(await statusRows(id)).toBe(1);
    expect(await edits(id)).toEqual([{ action: "mentor.profile_changed", details: { field: "capacity" } }]);
  });

  it.each([
    ["en", "I can only meet in the evenings now", "evenings and weekends", "You can now meet: Weekdays, evening, Weekends."],
    ["da", "jeg kan kun mødes om aftenen nu", "aften og weekend", "Du kan nu mødes: Hverdage, aften, Weekend."],
  ] as const)("an approved mentor changes when they can meet (%s)", async (l, sentence, typed, confirmed) => {
    const id = await mikkel(l, true);
    const before = await mentorRow(id);
    expect(before.status).toBe("active");
    await play(MIKKEL, l, [
      [sentence, asks("mentor", "availability", l)],
      [typed, confirmed],
    ]);
    expect(await mentorRow(id)).toEqual({ ...before, availability: ["weekday_evening", "weekend"] });
    expect(await statusRows(id)).toBe(2);
  });

  it.each([
    ["da", "kan jeg ændre min branche", "sundhed", "Din branche er nu Sundhed."],
    ["en", "can I change my industry", "healthcare", "Your industry is now Healthcare."],
  ] as const)("a mentor's industry: the registration's question, one industry (%s)", async (l, sentence, answer, confirmed) => {
    const id = await mikkel(l, false);
    const before = await mentorRow(id);
    await play(MIKKEL, l, [
      [sentence, asks("mentor", "industry", l)],
      [answer, confirmed],
    ]);
    expect(await mentorRow(id)).toEqual({ ...before, industry: "health" });
  });

  it.each([
    ["da", "jeg vil ændre mit navn", "Mikkel Holm", "Dit navn er nu Mikkel Holm."],
    ["en", "I want to change my name", "Mikkel Holm", "Your name is now Mikkel Holm."],
  ] as const)("a mentor's name (%s)", async (l, sentence, answer, confirmed) => {
    const id = await mikkel(l, true);
    const before = await mentorRow(id);
    await play(MIKKEL, l, [
      [sentence, asks("mentor", "name", l)],
      [answer, confirmed],
    ]);
    expect(await nameOf(id)).toBe("Mikkel Holm");
    expect(await mentorRow(id)).toEqual(before);
  });

  it.each([
    ["en", "hours", "6", "You can now give 6 hours a month."],
    ["da", "timer", "6", "Du kan nu give 6 timer om måneden."],
  ] as const)("hours a month, the field typed (%s)", async (l, field, answer, confirmed) => {
    const id = await mikkel(l, true);
    await play(MIKKEL, l, [
      [{ action: "intent:change_profile" }, picks(MENTOR_FIELDS, l)],
      [field, asks("mentor", "hours", l)],
      [answer, confirmed],
    ]);
    expect(await mentorRow(id)).toMatchObject({ hoursPerMonth: 6, status: "active" });
  });
});

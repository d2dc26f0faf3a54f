// Transcript tables: what a person sends → what the bot must answer (catalogue text), through the
// real core and database. Happy paths of all three flows in both languages.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

type In = string | { action: string };
type Row = [In, string | RegExp];

let db: TestDb;
let bot: BotHarness;
useTestBot({
  harness: { mentorCode: "mentor-2026" },
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

async function play(from: string, rows: Row[]): Promise<void> {
  for (const [i, [input, expected]] of rows.entries()) {
    const replies = await bot.say(from, input);
    const text = replies.map((r) => r.text).join("\n---\n");
    if (typeof expected === "string") expect(text, `row ${i}: ${JSON.stringify(input)}`).toContain(expected);
    else expect(text, `row ${i}: ${JSON.stringify(input)}`).toMatch(expected);
  }
}

const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);

function menteeRows(l: Locale, name: string): Row[] {
  const da = l === "da";
  return [
    ["hej", "Hvilket sprog"],
    [{ action: `lang:${l}` }, k(l, "welcome.who")],
    [da ? "jeg vil gerne have en mentor" : "i want a mentor", k(l, "mentee.consent")],
    [da ? "ja" : "yes", k(l, "mentee.consent_share")],
    [{ action: "yes" }, k(l, "mentee.consent_stats")],
    [da ? "Ja tak" : "Yes please", k(l, "mentee.name")],
    [name, k(l, "mentee.situation")],
    ["2", k(l, "mentee.education_level")],
    [da ? "spring over" : "skip", k(l, "mentee.education_field")],
    [da ? "ingeniør" : "engineering", k(l, "mentee.experience")],
    [da ? "5 år på et lager" : "5 years in a warehouse", k(l, "mentee.industries")],
    [da ? "it og byggeri" : "IT and construction", k(l, "mentee.goals")],
    [da ? "job, praktik" : "a job, internship", k(l, "mentee.help")],
    [{ action: "opt:cv" }, k(l, "opt.help.cv")],
    [{ action: "opt:network" }, k(l, "opt.help.network")],
    [{ action: "multi:done" }, k(l, "mentee.languages")],
    [da ? "dansk, arabisk" : "Danish, Arabic", k(l, "mentee.municipality")],
    ["Aarhus", k(l, "mentee.availability")],
    [da ? "hverdage aften" : "weekdays, evening", k(l, "mentee.start_date")],
    [da ? "31/2" : "the 31st of February", k(l, "mentee.start_date_reprompt")],
    [da ? "1. december" : "December 1", k(l, "mentee.meeting_form")],
    ["1", k(l, "mentee.wish_gender")],
    [da ? "intet ønske" : "no wish", k(l, "mentee.wish_age")],
    [{ action: "skip" }, k(l, "mentee.digital")],
    ["3", k(l, "mentee.has_caseworker")],
    [da ? "nej" : "no", k(l, "mentee.self_confidence")],
    ["3", k(l, "mentee.self_clarity")],
    [{ action: "opt:2" }, k(l, "mentee.self_network")],
    ["4", k(l, "summary.title")],
    [{ action: "summary:confirm" }, k(l, "mentee.done", { name })],
    ["status", k(l, "status.waiting_position", { position: 1, total: 1, estimate: k(l, "status.estimate_none") })],
  ];
}

describe.each(["da", "en"] as const)("mentee intake (%s)", (l) => {
  it("completes and stores the profile, consents and self-assessment exactly once", async () => {
    await play(`console:ali-${l}`, menteeRows(l, "Ali"));
    const profile = await db.prisma.menteeProfile.findFirstOrThrow();
    expect(profile).toMatchObject({
      situation: "refugee_immigrant",
      educationLevel: null,
      industries: ["it", "construction"],
      goals: ["job", "internship"],
      helpWanted: ["cv", "network"],
      languages: ["da", "ar"],
      municipality: "aarhus",
      availability: ["weekday_evening"],
      availableFrom: "2026-12-01",
      meetingForms: ["in_person"],
      digitalComfort: "need_help",
      status: "waiting",
    });
    const consents = await db.prisma.consent.findMany({ orderBy: { purpose: "asc" } });
    expect(consents.map((c) => [c.purpose, c.granted])).toEqual([
      ["matching", true],
      ["share_contact", true],
      ["statistics", true],
    ]);
    const sa = await db.prisma.selfAssessment.findMany();
    expect(sa).toHaveLength(1);
    expect(sa[0]!.scores).toEqual({ confidence: 3, clarity: 2, network: 4 });
    const person = await db.prisma.person.findFirstOrThrow({ where: { roles: { has: "mentee" } } });
    expect(person).toMatchObject({ displayName: "Ali", locale: l });
  });
});

function mentorRows(l: Locale, code: string | null): Row[] {
  const da = l === "da";
  return [
    [{ action: `lang:${l}` }, ""],
    [{ action: "role:mentor" }, k(l, "mentor.consent")],
    [{ action: "yes" }, k(l, "mentor.name")],
    ["Birgitte", k(l, "mentor.industry")],
    [da ? "sygeplejerske" : "nursing", k(l, "mentor.role")],
    [da ? "Afdelingssygeplejerske" : "Ward nurse", k(l, "mentor.competences")],
    [da ? "cv og jobsamtaler" : "CV and applications, job interviews", k(l, "mentor.qualifications")],
    [da ? "20 år i sundhedsvæsenet" : "20 years in health care", k(l, "mentor.languages")],
    [da ? "dansk og engelsk" : "Danish and English", k(l, "mentor.municipality")],
    ["Odense", k(l, "mentor.capacity")],
    ["2", k(l, "mentor.hours")],
    ["4", k(l, "mentor.availability")],
    [{ action: "opt:weekend" }, k(l, "common.selected", { items: k(l, "opt.availability.weekend") })],
    [{ action: "multi:done" }, k(l, "mentor.meeting_form")],
    [da ? "video" : "video call", k(l, "mentor.pref_groups")],
    [{ action: "skip" }, k(l, "mentor.gender")],
    [da ? "kvinde" : "woman", k(l, "mentor.age_group")],
    ["35-55", k(l, "mentor.invite_code")],
    [code ?? { action: "skip" }, k(l, "summary.title")],
    [{ action: "summary:confirm" }, k(l, code === "mentor-2026" ? "mentor.done_active" : "mentor.done_pending", { name: "Birgitte" })],
  ];
}

describe.each(["da", "en"] as const)("mentor onboarding (%s)", (l) => {
  it("without a code: pending, and coordinators are told", async () => {
    await play("console:coord", [
      ["hej", ""],
      [{ action: "lang:da" }, ""],
      [{ action: "role:coordinator" }, k("da", "mentor.name")],
      ["Kim", k("da", "coordinator.code")],
      ["coord-secret", k("da", "coordinator.done")],
    ]);
    await play(`console:birgitte`, [["hej", ""], ...mentorRows(l, null)]);
    const m = await db.prisma.mentorProfile.findFirstOrThrow();
    expect(m).toMatchObject({
      industry: "health",
      municipality: "odense",
      capacity: 2,
      hoursPerMonth: 4,
      status: "pending",
      gender: "woman",
      ageGroup: "35_55",
      languages: ["da", "en"],
      competences: ["cv", "interview"],
      availability: ["weekend"],
      meetingForms: ["video"],
    });
    expect(bot.delivered.map((d) => d.to)).toEqual(["console:coord"]);
    const notice = bot.delivered[0]!;
    expect(notice.text).toBe(
      k("da", "notify.mentor_pending", {
        name: "Birgitte",
        industry: "Sundhed",
        municipality: "Odense",
        qualifications: l === "da" ? "> 20 år i sundhedsvæsenet" : "> 20 years in health care",
      }),
    );
    // The coordinator approves with the button; the mentor becomes active and is told.
    expect((await bot.say("console:coord", { action: notice.buttons![0]!.action }))[0]!.text).toBe(k("da", "mentor.approved", { name: "Birgitte" }));
    expect((await db.prisma.mentorProfile.findFirstOrThrow()).status).toBe("active");
    expect(bot.delivered.at(-1)).toMatchObject({ to: "console:birgitte", text: k(l, "mentor.approved_to_mentor") });
    // Only coordinators may approve.
    expect((await bot.say("console:birgitte", { action: notice.buttons![0]!.action }))[0]!.text).toBe(k(l, "cmd.not_allowed"));
  });
  it("with a valid invitation code: active at once", async () => {
    await play(`console:birgitte`, [["hej", ""], ...mentorRows(l, "mentor-2026")]);
    expect((await db.prisma.mentorProfile.findFirstOrThrow()).status).toBe("active");
  });
});

describe("coordinator signup", () => {
  it("refuses a wrong code, then accepts the right one", async () => {
    await play("console:kim", [
      ["hello", ""],
      [{ action: "lang:en" }, ""],
      ["I am a coordinator", k("en", "mentor.name")],
      ["Kim", k("en", "coordinator.code")],
      ["wrong-code", k("en", "coordinator.code_invalid")],
      ["coord-secret", k("en", "coordinator.done")],
    ]);
    const p = await db.prisma.person.findFirstOrThrow({ where: { roles: { has: "coordinator" } } });
    expect(p.displayName).toBe("Kim");
  });
});

// Messy inputs in every flow: typos, emojis only, empty text, 5,000 characters, media, commands
// in the middle of a step, back at the first step, restart half-way, a process restart between
// messages, the same message delivered twice. Each row: input → the reply must contain this text.
import { describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import type { InboundEvent } from "../../src/core/messages.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

type In = string | Partial<InboundEvent> | "RESTART_PROCESS";
type Row = [string, In, string | RegExp | null];

let db: TestDb;
let bot: BotHarness;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

const da = (key: string, p: Record<string, string | number> = {}) => t("da", key, p);
const en = (key: string, p: Record<string, string | number> = {}) => t("en", key, p);

async function run(from: string, rows: Row[]): Promise<void> {
  for (const [what, input, expected] of rows) {
    if (input === "RESTART_PROCESS") {
      bot = await createBotHarness(db);
      continue;
    }
    const replies = await bot.say(from, typeof input === "string" ? input : input);
    const text = replies.map((r) => r.text).join("\n---\n");
    if (expected === null) expect(replies, what).toEqual([]);
    else if (typeof expected === "string") expect(text, what).toContain(expected);
    else expect(text, what).toMatch(expected);
  }
}

/** Inputs that must leave a person at the same question, with a kind re-prompt. */
function staysAt(question: string, reprompt: string): Row[] {
  return [
    ["empty text", "", da("common.empty")],
    ["only spaces", "    ", da("common.empty")],
    ["emojis only", "🙂🙂🙂", reprompt],
    ["5,000 characters", "x".repeat(5000), question],
    ["photo", { media: "photo" }, da("common.media")],
    ["sticker", { media: "sticker" }, da("common.media")],
    ["voice", { media: "voice" }, da("common.media")],
    ["SQL injection", '\'; DROP TABLE "Person"; --', question],
    ["markup", "<script>alert(1)</script>", question],
    ["right-to-left text", "\u202Eabc\u202C مرحبا", question],
    ["control characters", "\u0000\u0007\u001b[31m", question],
    ["unknown button", { action: "opt:bogus" }, question],
    ["foreign action", { action: "lang:xx" }, question],
    ["help", "hjælp", da("cmd.help")],
    ["help without æ", "HJAELP", da("cmd.help")],
    ["slash help", "/help", da("cmd.help")],
    ["status", "status", /spørgsmål \d+ af ca\. \d+/],
    ["pause", "pause", da("cmd.paused")],
    ["any text resumes", "hej igen", da("cmd.resumed")],
    ["process restart", "RESTART_PROCESS", null],
    ["still at the same question after restart", "status", question],
    ["ask for a human", "koordinator", da("cmd.human")],
    ["delete, then cancel", "slet mine data", da("cmd.delete_confirm")],
    ["cancel the delete", { action: "delete:no" }, da("cmd.delete_cancelled")],
    ["language to English", "sprog", da("cmd.language_choose")],
    ["choose English", { action: "lang:en" }, en("cmd.language_set")],
    ["and back to Danish", "/dansk", da("cmd.language_set")],
    ["same delivery twice (1)", { text: "/status", eventId: "dup-1" }, question],
    ["same delivery twice (2)", { text: "/status", eventId: "dup-1" }, null],
  ];
}

async function toMenteeIndustries(from: string): Promise<void> {
  for (const i of [
    "hej",
    { action: "lang:da" },
    { action: "role:mentee" },
    { action: "yes" },
    { action: "yes" },
    { action: "yes" },
    "Sara",
    "1",
    "5",
    "økonomi",
    "2 år i en butik",
  ] as In[]) {
    await bot.say(from, i as string);
  }
}

describe("mentee intake: messy inputs", () => {
  it("back at the first step", async () => {
    await run("console:m0", [
      ["hi", "hej", ""],
      ["danish", { action: "lang:da" }, ""],
      ["role", { action: "role:mentee" }, da("mentee.consent")],
      ["back at first", "tilbage", da("cmd.back_first")],
    ]);
  });
  it("at the industries question", async () => {
    await toMenteeIndustries("console:m1");
    await run("console:m1", [
      ...staysAt(da("mentee.industries"), da("mentee.industries_reprompt")),
      ["gibberish", "asdfgh qwerty", da("mentee.industries_reprompt")],
      ["a number", "42", da("mentee.industries_reprompt")],
      ["back", "tilbage", da("mentee.experience")],
      ["answer again", "lager", da("mentee.industries")],
      ["typo with æøå missing", "sundhedsvaesen", /mentee|Mente du|mål/i],
    ]);
  });
  it("text, scale and name steps re-prompt; restart half-way starts over", async () => {
    await run("console:m2", [
      ["hi", "hej", ""],
      ["danish", { action: "lang:da" }, ""],
      ["role typed with typo", "jeg vil gerne have en mentr", da("mentee.consent")],
      ["consent typed", "JA!", da("mentee.consent_share")],
      ["no", "nej", da("mentee.consent_stats")],
      ["no", "nej tak", da("mentee.name")],
      ["emoji name", "😀", da("common.name_reprompt")],
      ["5,000-char name", "a".repeat(5000), da("common.too_long", { max: 500 })],
      ["name", "Ahmad", da("mentee.situation")],
      ["situation typed without æøå", "flygtning eller indvandrer", da("mentee.education_level")],
      ["restart half-way", "forfra", da("cmd.restarted")],
      ["consent again", { action: "yes" }, da("mentee.consent_share")],
    ]);
    const consents = await db.prisma.consent.findMany();
    expect(consents.find((c) => c.purpose === "matching")?.granted).toBe(true);
  });
  it("declining consent ends kindly and stores no profile", async () => {
    await run("console:m3", [
      ["hi", "hej", ""],
      ["danish", { action: "lang:da" }, ""],
      ["role", { action: "role:mentee" }, ""],
      ["decline", { action: "no" }, da("mentee.consent_declined")],
    ]);
    expect(await db.prisma.menteeProfile.count()).toBe(0);
  });
});

describe("mentor onboarding: messy inputs", () => {
  it("at the capacity question", async () => {
    const from = "console:t1";
    for (const i of [
      "hej",
      { action: "lang:da" },
      { action: "role:mentor" },
      { action: "yes" },
      "Tina",
      "IT",
      "udvikler",
      "1",
      "10 år som udvikler",
      "dansk",
      "Aalborg",
    ] as In[])
      await bot.say(from, i as string);
    await run(from, [
      ...staysAt(da("mentor.capacity"), da("mentor.capacity_reprompt")),
      ["too many", "10", da("mentor.capacity_reprompt")],
      ["a word", "fire", da("mentor.capacity_reprompt")],
      ["decimal", "2,5", da("mentor.capacity_reprompt")],
      ["negative", "-1", da("mentor.capacity_reprompt")],
      ["valid", "2", da("mentor.hours")],
    ]);
  });
});

describe("coordinator signup: messy inputs", () => {
  it("at the name question", async () => {
    const from = "console:c1";
    for (const i of ["hej", { action: "lang:da" }, { action: "role:coordinator" }] as In[]) await bot.say(from, i as string);
    await run(from, [
      // An Arabic name is a valid name, so the right-to-left row is checked elsewhere.
      ...staysAt(da("mentor.name"), da("common.name_reprompt")).filter(([what]) => what !== "right-to-left text"),
      ["Arabic name accepted", "مريم", da("coordinator.code")],
      ["back to the name", "tilbage", da("mentor.name")],
      ["name", "Kim", da("coordinator.code")],
      ["wrong code", "1234", da("coordinator.code_invalid")],
      ["right code", "coord-secret", da("coordinator.done")],
    ]);
  });
});

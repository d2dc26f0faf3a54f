// A new person's first messages as transcripts: the language question is asked at most once,
// Mentorbro introduces itself once, and the role question follows in the language the person
// chose (by button, by typing it, by writing in it, or as the platform says). Through the real bot.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { InboundEvent, OutboundMessage } from "../../src/core/messages.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

type In = string | Partial<InboundEvent>;
type Row = [In, string | RegExp];

let db: TestDb;
let bot: BotHarness;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

const k = (l: Locale, key: string) => t(l, key);
const LANGUAGE_QUESTION = /Hvilket sprog|Which language/;
/** Once in each language: someone who switches language may not have understood the first. */
const INTRODUCTIONS = ["Jeg er Mentorbro", "I am Mentorbro"];

/** Plays the rows; then the language question has come at most once, the introduction once,
 * in each language, and the last answer is the role question with its buttons, in `locale`, which is stored. */
async function firstContact(rows: Row[], locale: Locale): Promise<void> {
  const from = "console:new-person";
  const all: OutboundMessage[] = [];
  for (const [i, [input, expected]] of rows.entries()) {
    const replies = await bot.say(from, typeof input === "string" ? input : input);
    all.push(...replies);
    const text = replies.map((r) => r.text).join("\n---\n");
    const what = `row ${i}: ${JSON.stringify(input)} → ${text}`;
    if (typeof expected === "string") expect(text, what).toContain(expected);
    else expect(text, what).toMatch(expected);
  }
  const transcript = all.map((r) => r.text).join("\n---\n");
  expect(all.filter((r) => LANGUAGE_QUESTION.test(r.text)).length, `language question more than once:\n${transcript}`).toBeLessThanOrEqual(1);
  for (const intro of INTRODUCTIONS) expect(transcript.split(intro).length - 1, `introduced twice:\n${transcript}`).toBeLessThanOrEqual(1);
  const last = all.at(-1)!;
  expect(last.text).toContain(k(locale, "welcome.who"));
  expect(last.buttons?.map((b) => b.action)).toEqual(expect.arrayContaining(["role:mentee", "role:mentor"]));
  expect(last.buttons?.find((b) => b.action === "role:mentee")?.label).toBe(k(locale, "role.mentee"));
  expect((await db.prisma.person.findFirstOrThrow()).locale).toBe(locale);
}

const TABLES: Record<Locale, Record<string, Row[]>> = {
  da: {
    "hej, then the Dansk button": [
      ["hej", LANGUAGE_QUESTION],
      [{ action: "lang:da" }, k("da", "welcome.who")],
    ],
    "hej, then dansk typed": [
      ["hej", LANGUAGE_QUESTION],
      ["dansk", k("da", "welcome.who")],
    ],
    "hej, then på dansk tak": [
      ["hej", LANGUAGE_QUESTION],
      ["på dansk tak", k("da", "welcome.who")],
    ],
    "hej twice: the second is not asked again, Danish goes on and says how to switch": [
      ["hej", LANGUAGE_QUESTION],
      ["hej", "“english”"],
    ],
    "an answer in no language: not asked again, the default goes on and says how to switch": [
      ["hej", LANGUAGE_QUESTION],
      ["???", /“english”[\s\S]*Hej! Jeg er Mentorbro/],
    ],
    "hej, then a Danish sentence instead of a choice": [
      ["hej", LANGUAGE_QUESTION],
      ["jeg vil gerne have en mentor", k("da", "welcome.who")],
    ],
    "a first message that is clearly Danish is not asked which language": [["Hej, jeg vil gerne have en mentor", k("da", "welcome.who")]],
    "a first message that is the language": [["Dansk", k("da", "welcome.who")]],
    "the platform says English, the person types dansk": [
      [{ text: "hi", locale: "en" }, k("en", "welcome.who")],
      ["dansk", k("da", "cmd.language_set")],
    ],
  },
  en: {
    "hello, then the English button": [
      ["hello", LANGUAGE_QUESTION],
      [{ action: "lang:en" }, k("en", "welcome.who")],
    ],
    "hello, then english typed": [
      ["hello", LANGUAGE_QUESTION],
      ["english", k("en", "welcome.who")],
    ],
    "hello, then in English please": [
      ["hello", LANGUAGE_QUESTION],
      ["in English please", k("en", "welcome.who")],
    ],
    "hello twice: the second is taken as English, not asked again": [
      ["hello", LANGUAGE_QUESTION],
      ["hello?", "“dansk”"],
    ],
    "hej, then an English sentence instead of a choice": [
      ["hej", LANGUAGE_QUESTION],
      ["I need help finding a job", k("en", "welcome.who")],
    ],
    "a first message that is clearly English is not asked which language": [["Hi, I would like to find a mentor", k("en", "welcome.who")]],
    "a first message that is the language": [["English", k("en", "welcome.who")]],
    "a first press of an old English button": [[{ action: "lang:en" }, k("en", "welcome.who")]],
    "the platform says Danish, the person types english": [
      [{ text: "hej", locale: "da" }, k("da", "welcome.who")],
      ["english", k("en", "cmd.language_set")],
    ],
  },
};

describe.each(["da", "en"] as const)("first contact (%s)", (l) => {
  it.each(Object.entries(TABLES[l]))("%s", async (_name, rows) => {
    await firstContact(rows, l);
  });
});

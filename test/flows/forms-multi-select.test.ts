// Multi-select questions as transcripts: buttons pressed and labels typed mix, and what was
// pressed is never lost. Each row: what the person sends → what the bot's answer must contain
// (a string or a pattern), or a function that checks the stored answers. Through the real bot.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { ConvoData } from "../../src/core/conversation/router.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

type In = string | { action: string };
type Check = string | RegExp | ((replies: OutboundMessage[]) => unknown);
type Row = [In, Check | Check[]];

let db: TestDb;
let bot: BotHarness;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);

/** An empty list must never be shown: "Valgt indtil nu: ." / "Chosen so far: .". */
const EMPTY_LIST = /(Valgt indtil nu|Chosen so far):\s*[.,]/;

async function play(from: string, rows: Row[]): Promise<void> {
  for (const [i, [input, checks]] of rows.entries()) {
    const replies = await bot.say(from, input);
    const text = replies.map((r) => r.text).join("\n---\n");
    const what = `row ${i}: ${JSON.stringify(input)} → ${text}`;
    expect(text, what).not.toMatch(EMPTY_LIST);
    for (const expected of Array.isArray(checks) ? checks : [checks]) {
      if (typeof expected === "string") expect(text, what).toContain(expected);
      else if (expected instanceof RegExp) expect(text, what).toMatch(expected);
      else await expected(replies);
    }
  }
}

/** The answers stored so far in the person's sign-up. */
async function answers(): Promise<Record<string, unknown>> {
  const row = await db.prisma.conversation.findFirstOrThrow();
  return (row.data as unknown as ConvoData).flow?.answers ?? {};
}

const stored = (step: string, value: string[]) => async () => expect((await answers())[step]).toEqual(value);

/** The multi-select buttons come back, with the chosen ones ticked and a Done button. */
const buttons = (l: Locale, ticked: string[]) => (replies: OutboundMessage[]) => {
  const b = replies.at(-1)!.buttons ?? [];
  expect(b.filter((x) => x.label.startsWith("✓ ")).map((x) => x.action)).toEqual(ticked.map((id) => `opt:${id}`));
  expect(b.some((x) => x.action === "multi:done" && x.label === k(l, "common.done"))).toBe(true);
};

/** A mentee at "What would you like help with?" (a multi-select step). */
function toHelp(l: Locale): Row[] {
  const da = l === "da";
  return [
    ["hej", ""],
    [{ action: `lang:${l}` }, ""],
    [{ action: "role:mentee" }, k(l, "mentee.consent")],
    [{ action: "yes" }, ""],
    [{ action: "yes" }, ""],
    [{ action: "yes" }, k(l, "mentee.name")],
    ["Amal", ""],
    ["2", ""],
    [{ action: "skip" }, ""],
    [da ? "sygepleje" : "nursing", ""],
    [da ? "2 år på et plejehjem" : "2 years in a care home", k(l, "mentee.industries")],
    [da ? "sundhed" : "health", k(l, "mentee.goals")],
    [da ? "job" : "a job", k(l, "mentee.help")],
  ];
}

const TABLES: Record<Locale, Record<string, Row[]>> = {
  da: {
    "typed labels are added to the pressed ones, and færdig finishes with all of them": [
      [{ action: "opt:cv" }, "Valgt indtil nu: CV og ansøgninger."],
      ["netværk", ["Tilføjet: Netværk og kontakter. Valgt indtil nu: CV og ansøgninger, Netværk og kontakter.", buttons("da", ["cv", "network"])]],
      [
        "jobsamtaler, motivation",
        "Tilføjet: Jobsamtaler, Motivation og selvtillid. Valgt indtil nu: CV og ansøgninger, Netværk og kontakter, Jobsamtaler, Motivation og selvtillid.",
      ],
      ["færdig", k("da", "mentee.languages")],
      ["dansk", stored("help", ["cv", "network", "interview", "motivation"])],
    ],
    "several labels typed in one message after a press": [
      [{ action: "opt:practical" }, "Valgt indtil nu: Praktiske ting."],
      ["cv og netværk", ["Tilføjet: CV og ansøgninger, Netværk og kontakter.", buttons("da", ["cv", "network", "practical"])]],
      ["jeg er færdig", k("da", "mentee.languages")],
      ["dansk", stored("help", ["practical", "cv", "network"])],
    ],
    "a label and færdig in one message finish with the union": [
      [{ action: "opt:interview" }, "Valgt indtil nu: Jobsamtaler."],
      ["netværk og færdig", k("da", "mentee.languages")],
      ["dansk", stored("help", ["interview", "network"])],
    ],
    "a word that is no option is named, and the selection is kept": [
      [{ action: "opt:cv" }, "Valgt indtil nu: CV og ansøgninger."],
      ["blomster", "Jeg fandt ikke “blomster” blandt valgene. Valgt indtil nu: CV og ansøgninger."],
      [{ action: "multi:done" }, k("da", "mentee.languages")],
      ["dansk", stored("help", ["cv"])],
    ],
    "typing a chosen label again keeps it chosen": [
      [{ action: "opt:cv" }, "Valgt indtil nu: CV og ansøgninger."],
      ["cv", "Allerede valgt: CV og ansøgninger. Valgt indtil nu: CV og ansøgninger."],
      ["færdig", stored("help", ["cv"])],
    ],
    "pressing the only choice off says nothing is chosen, never an empty list": [
      [{ action: "opt:cv" }, "Valgt indtil nu: CV og ansøgninger."],
      [{ action: "opt:cv" }, ["Intet valgt endnu.", buttons("da", [])]],
      ["færdig", k("da", "common.nothing_selected")],
      ["netværk", "Tilføjet: Netværk og kontakter. Valgt indtil nu: Netværk og kontakter."],
      [{ action: "multi:done" }, stored("help", ["network"])],
    ],
    "a pause in the middle keeps the choices and says welcome back": [
      [{ action: "opt:motivation" }, "Valgt indtil nu: Motivation og selvtillid."],
      ["pause", k("da", "cmd.paused")],
      ["hej", /Velkommen tilbage![\s\S]*Hvad vil du gerne have hjælp til\?[\s\S]*Valgt indtil nu: Motivation og selvtillid\./],
      ["ok", stored("help", ["motivation"])],
    ],
    "before any press: a word that is no option is named, typed labels answer at once": [
      ["blomster", "Jeg fandt ikke “blomster” blandt valgene."],
      ["cv og netværk", k("da", "mentee.languages")],
      ["dansk", stored("help", ["cv", "network"])],
    ],
  },
  en: {
    "typed labels are added to the pressed ones, and done finishes with all of them": [
      [{ action: "opt:cv" }, "Chosen so far: CV and applications."],
      ["network", ["Added: Network and contacts. Chosen so far: CV and applications, Network and contacts.", buttons("en", ["cv", "network"])]],
      [
        "interview, motivation",
        "Added: Job interviews, Motivation and confidence. Chosen so far: CV and applications, Network and contacts, Job interviews, Motivation and confidence.",
      ],
      ["done", k("en", "mentee.languages")],
      ["Danish", stored("help", ["cv", "network", "interview", "motivation"])],
    ],
    "several labels typed in one message after a press": [
      [{ action: "opt:practical" }, "Chosen so far: Practical things."],
      ["cv and network", ["Added: CV and applications, Network and contacts.", buttons("en", ["cv", "network", "practical"])]],
      ["I'm done", k("en", "mentee.languages")],
      ["Danish", stored("help", ["practical", "cv", "network"])],
    ],
    "a label and done in one message finish with the union": [
      [{ action: "opt:interview" }, "Chosen so far: Job interviews."],
      ["network, done", k("en", "mentee.languages")],
      ["Danish", stored("help", ["interview", "network"])],
    ],
    "a word that is no option is named, and the selection is kept": [
      [{ action: "opt:cv" }, "Chosen so far: CV and applications."],
      ["flowers", "I could not find “flowers” among the choices. Chosen so far: CV and applications."],
      [{ action: "multi:done" }, k("en", "mentee.languages")],
      ["Danish", stored("help", ["cv"])],
    ],
    "typing a chosen label again keeps it chosen": [
      [{ action: "opt:cv" }, "Chosen so far: CV and applications."],
      ["cv", "Already chosen: CV and applications. Chosen so far: CV and applications."],
      ["that's all", stored("help", ["cv"])],
    ],
    "pressing the only choice off says nothing is chosen, never an empty list": [
      [{ action: "opt:cv" }, "Chosen so far: CV and applications."],
      [{ action: "opt:cv" }, ["Nothing chosen yet.", buttons("en", [])]],
      ["done", k("en", "common.nothing_selected")],
      ["network", "Added: Network and contacts. Chosen so far: Network and contacts."],
      [{ action: "multi:done" }, stored("help", ["network"])],
    ],
    "a pause in the middle keeps the choices and says welcome back": [
      [{ action: "opt:motivation" }, "Chosen so far: Motivation and confidence."],
      ["pause", k("en", "cmd.paused")],
      ["hi", /Welcome back![\s\S]*What would you like help with\?[\s\S]*Chosen so far: Motivation and confidence\./],
      ["ok", stored("help", ["motivation"])],
    ],
    "before any press: a word that is no option is named, typed labels answer at once": [
      ["flowers", "I could not find “flowers” among the choices."],
      ["cv and network", k("en", "mentee.languages")],
      ["Danish", stored("help", ["cv", "network"])],
    ],
  },
};

describe.each(["da", "en"] as const)("multi-select (%s)", (l) => {
  it.each(Object.entries(TABLES[l]))("%s", async (_name, rows) => {
    await play(`console:amal-${l}`, [...toHelp(l), ...rows]);
  });
});

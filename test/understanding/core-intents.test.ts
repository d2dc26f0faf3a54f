// What people write in their own words, acted on by the core: status, a person, delete, language,
// help — in Danish and English, idle and mid-intake — and what must do nothing (look-alikes get the
// menu, never an action). A "did you mean …?" is answered with a button. Through the real bot.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";
import { makeWorld } from "../coordinator/world.js";

let db: TestDb;
let bot: BotHarness;
useTestBot({
  prepare: async (d) => void (await makeWorld(d)),
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

const text = (replies: OutboundMessage[]) => replies.map((r) => r.text).join("\n---\n");
const actions = (replies: OutboundMessage[]) => replies.flatMap((r) => r.buttons?.map((b) => b.action) ?? []);

/** Says `message`; a "did you mean …?" is answered Yes, as a person who meant it would. */
async function say(who: string, message: string): Promise<OutboundMessage[]> {
  const replies = await bot.say(`console:${who}`, message);
  if (actions(replies).includes("und:yes")) return bot.say(`console:${who}`, { action: "und:yes" });
  return replies;
}

async function setLocale(who: string, locale: Locale): Promise<void> {
  const { personId } = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: `console:${who}` } });
  await db.prisma.person.update({ where: { id: personId }, data: { locale } });
}

const humanAlerts = () => db.prisma.escalation.count({ where: { kind: "human_requested" } });

const CASES: Record<Locale, { human: string[]; delete: string[]; language: [string, Locale][]; help: string[]; status: string[]; lookalikes: string[] }> = {
  da: {
    human: ["jeg vil gerne tale med et menneske", "kan jeg snakke med en rigtig person?", "jeg vil tale med en koordinator"],
    delete: ["jeg vil slette mine oplysninger", "slet min profil tak", "jeg vil gerne have slettet alle mine data"],
    language: [
      ["kan du skrive på engelsk", "en"],
      ["english please", "en"],
    ],
    help: ["hvad kan du?", "jeg forstår ikke hvad jeg skal gøre"],
    status: ["hvornår får jeg en mentor?", "venter jeg stadig?", "hvad sker der nu?"],
    lookalikes: ["jeg venter på bussen", "status på mit CV er at det er færdigt", "min bror fik job i Netto", "jeg slettede en mail ved en fejl"],
  },
  en: {
    human: ["I want to talk to a real person", "can I speak to a human please", "I would like to talk to a coordinator"],
    delete: ["please delete my data", "delete my profile", "I want all my information deleted"],
    language: [
      ["can you write in Danish", "da"],
      ["jeg vil gerne skrive på dansk", "da"],
    ],
    help: ["what can you do?", "I don't understand how this works"],
    status: ["when do I get a mentor?", "am I still waiting?", "what happens now?"],
    lookalikes: ["I am waiting for the bus", "my sister got a job at Netto", "I deleted the old CV", "help me write a cover letter"],
  },
};

describe.each(["da", "en"] as const)("free text after the intake (%s profile)", (l) => {
  const c = CASES[l];
  it.each(c.human)("“%s” → a coordinator is asked to get in touch", async (message) => {
    await setLocale("noor", l);
    const before = await humanAlerts();
    const replies = await say("noor", message);
    expect(text(replies)).toContain(t(l, "cmd.human"));
    expect(await humanAlerts()).toBe(before + 1);
  });

  it.each(c.delete)("“%s” → asks to confirm the deletion, deletes nothing yet", async (message) => {
    await setLocale("noor", l);
    const replies = await say("noor", message);
    expect(text(replies)).toContain(t(l, "cmd.delete_confirm"));
    expect(actions(replies)).toEqual(expect.arrayContaining(["delete:yes", "delete:no"]));
    expect(await db.prisma.identity.count({ where: { externalId: "console:noor" } })).toBe(1);
    await bot.say("console:noor", { action: "delete:no" });
  });

  it.each(c.language)("“%s” → writes in %s from now on", async (message, wanted) => {
    await setLocale("noor", l);
    const replies = await say("noor", message);
    expect(text(replies)).toContain(t(wanted, "cmd.language_set"));
    const { personId } = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "console:noor" } });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).locale).toBe(wanted);
  });

  it.each(c.help)("“%s” → what you can do here", async (message) => {
    await setLocale("noor", l);
    expect(text(await say("noor", message))).toContain(t(l, "cmd.help").slice(0, 40));
  });

  it.each(c.status)("“%s” → the person's status, not a greeting or a refusal", async (message) => {
    await setLocale("noor", l);
    const out = text(await say("noor", message));
    expect(out).not.toContain(t(l, "cmd.not_allowed"));
    expect(out).not.toContain(t(l, "understand.menu"));
    expect(out).not.toMatch(/Skriv “hjælp”|Write “help”/);
    expect(out.length).toBeGreaterThan(20);
  });

  it.each(c.lookalikes)("look-alike “%s” → the menu, and nothing happens", async (message) => {
    await setLocale("noor", l);
    const { personId } = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "console:noor" } });
    // Nothing queued for anyone else (a relayed message, a coordinator notice), no alert.
    const others = () => db.prisma.outbox.count({ where: { NOT: { recipient: personId } } });
    const before = { alerts: await db.prisma.escalation.count(), outbox: await others() };
    const replies = await bot.say("console:noor", message);
    expect(text(replies)).toContain(t(l, "understand.menu"));
    expect(actions(replies)).toEqual(expect.arrayContaining(["cmd:status", "cmd:help", "cmd:human"]));
    expect(await db.prisma.escalation.count()).toBe(before.alerts);
    expect(await others()).toBe(before.outbox);
  });

  it("a greeting gets a greeting with the menu, never the bare “write help”", async () => {
    await setLocale("noor", l);
    const replies = await bot.say("console:noor", l === "da" ? "hej" : "hello");
    expect(text(replies)).toContain(t(l, "understand.home", { name: "Noor" }));
    expect(actions(replies)).toContain("cmd:human");
  });

  it("a menu button does what it says: “talk to a person”", async () => {
    await setLocale("noor", l);
    const before = await humanAlerts();
    expect(text(await bot.say("console:noor", { action: "cmd:human" }))).toContain(t(l, "cmd.human"));
    expect(await humanAlerts()).toBe(before + 1);
  });

  it("“did you mean …?” answered No → the menu; Yes → done", async () => {
    await setLocale("noor", l);
    const { personId } = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "console:noor" } });
    const asking = { mode: "task", resume: "idle", task: { kind: "understand", data: { intent: "human", slots: {} } } };
    await db.prisma.conversation.update({ where: { personId }, data: { data: asking } });
    expect(text(await bot.say("console:noor", { action: "und:no" }))).toContain(t(l, "understand.ok_menu"));
    await db.prisma.conversation.update({ where: { personId }, data: { data: asking } });
    const before = await humanAlerts();
    expect(text(await bot.say("console:noor", { action: "und:yes" }))).toContain(t(l, "cmd.human"));
    expect(await humanAlerts()).toBe(before + 1);
  });
});

describe.each(["da", "en"] as const)("after “pause” (%s)", (l) => {
  it.each([
    ["human", CASES[l].human[0]!, "cmd.human"],
    ["delete", CASES[l].delete[0]!, "cmd.delete_confirm"],
    ["help", CASES[l].help[0]!, "cmd.help"],
  ] as const)("%s in free text is understood while paused", async (_intent, message, key) => {
    await setLocale("noor", l);
    await bot.say("console:noor", "pause");
    expect(text(await say("noor", message))).toContain(t(l, key).slice(0, 40));
    await bot.say("console:noor", { action: "delete:no" });
  });
});

describe("mid-intake", () => {
  it("a wish to talk to a person at a choice question is understood; the question is kept", async () => {
    const from = "console:new-one";
    await bot.say(from, { text: "hej", locale: "da" });
    await bot.say(from, { action: "role:mentee" });
    const replies = await say("new-one", "jeg vil gerne tale med et menneske");
    expect(text(replies)).toContain(t("da", "cmd.human"));
    const { personId } = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: from } });
    const convo = (await db.prisma.conversation.findUniqueOrThrow({ where: { personId } })).data as { mode: string; flow?: { step: string } };
    expect(convo.mode).toBe("flow");
    expect(convo.flow?.step).toBe("consent_matching");
  });

  it("after two answers that do not fit the same question: buttons and a person, the question kept", async () => {
    const from = "console:stuck-one";
    await bot.say(from, { text: "hej", locale: "da" });
    await bot.say(from, { action: "role:mentee" });
    const first = await bot.say(from, "xqzv bbb");
    expect(actions(first)).not.toContain("cmd:human");
    const second = await bot.say(from, "ggg hhh");
    expect(text(second)).toContain(t("da", "understand.stuck"));
    expect(actions(second)).toEqual(expect.arrayContaining(["cmd:human", "cmd:back"]));
    // An answer that fits goes on as usual, and the count starts again.
    const yes = await bot.say(from, { action: "yes" });
    expect(text(yes)).not.toContain(t("da", "understand.stuck"));
    expect(actions(await bot.say(from, "xqzv bbb"))).not.toContain("cmd:human");
  });

  it("in a task that waits for a yes or a date, a clear wish for a person leaves it and is acted on", async () => {
    await say("sara", "ny mentor");
    const { personId } = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "console:sara" } });
    expect(((await db.prisma.conversation.findUniqueOrThrow({ where: { personId } })).data as { mode: string }).mode).toBe("task");
    const before = await humanAlerts();
    expect(text(await say("sara", "jeg vil gerne tale med et menneske"))).toContain(t("da", "cmd.human"));
    expect(await humanAlerts()).toBe(before + 1);
    expect(await db.prisma.escalation.count({ where: { kind: "new_mentor_requested" } })).toBe(0);
    expect(((await db.prisma.conversation.findUniqueOrThrow({ where: { personId } })).data as { mode: string }).mode).toBe("idle");
  });

  it("a coordinator command word at the start of a mentee's sentence is no refusal", async () => {
    const out = text(await say("noor", "venter jeg stadig på en mentor?"));
    expect(out).not.toContain(t("da", "cmd.not_allowed"));
  });
});

// Transcript tables for identity linking: who writes what on which platform → what the bot answers
// (catalogue text), through the real core and database. "{code}" in an input is the last code the
// bot gave out; the actions "{allow}" and "{deny}" are the buttons of the last question sent to a
// code's owner ("someone wrote your code on …"). Nothing is joined before both sides said yes.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import { MAX_FAILED_TRIES } from "../../src/capabilities/linking/capability.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

type In = string | { action: string };
type Row = [from: string, input: In, expected: string | RegExp];

const TG = "telegram:7001";
const SLACK = "slack:T1:U7002";
const TEAMS = "teams:aad-7003";
const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}/;

let db: TestDb;
let bot: BotHarness;
let code = "";
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
    code = "";
  },
});

const k = (l: Locale, key: string, p: Record<string, string> = {}) => t(l, key, p);
/** A catalogue text whose {here} and {there} may be any platform name. */
const like = (l: Locale, key: string) =>
  new RegExp(
    k(l, key, { here: "§", there: "§" })
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/§/g, ".+?"),
  );
const withCode = (l: Locale) =>
  new RegExp(
    k(l, "link.code", { code: "§" })
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/§/g, CODE.source),
  );

/** The button of the last confirmation question queued for a code's owner. */
async function ownerButton(op: "allow" | "deny"): Promise<string> {
  const row = await db.prisma.outbox.findFirstOrThrow({ where: { kind: "link_confirm" }, orderBy: { createdAt: "desc" } });
  const buttons = (row.payload as { buttons: { action: string }[] }).buttons;
  return buttons.find((b) => b.action.startsWith(`link:${op}:`))!.action;
}

async function play(rows: Row[]): Promise<void> {
  for (const [i, [from, input, expected]] of rows.entries()) {
    const sent =
      typeof input === "string"
        ? input.replace("{code}", code)
        : input.action === "{allow}" || input.action === "{deny}"
          ? { action: await ownerButton(input.action === "{allow}" ? "allow" : "deny") }
          : input;
    const text = (await bot.say(from, sent)).map((r) => r.text).join("\n---\n");
    const where = `row ${i}: ${from} ${JSON.stringify(sent)}`;
    if (typeof expected === "string") expect(text, where).toContain(expected);
    else expect(text, where).toMatch(expected);
    code = CODE.exec(text)?.[0] ?? code;
  }
}

/** The redeemer types the code and says yes; the owner says yes: the two are joined. */
const confirmed = (redeemer: string, owner: string, l: Locale, ownerLocale: Locale = l): Row[] => [
  [redeemer, "link {code}", like(l, "link.confirm_redeemer")],
  [redeemer, { action: "link:join" }, like(l, "link.wait_owner")],
  [owner, { action: "{allow}" }, k(ownerLocale, "link.done")],
];

/** First contact and language choice. */
const hello = (from: string, l: Locale): Row[] => [
  [from, "hej", k("da", "welcome.choose_language")],
  [from, { action: `lang:${l}` }, k(l, "welcome.who")],
];

/** The same question on two platforms gets the same answer: one person behind both. */
async function sameAnswer(a: string, b: string, text: string): Promise<void> {
  const [ra, rb] = [await bot.say(a, text), await bot.say(b, text)];
  expect(rb.map((r) => r.text)).toEqual(ra.map((r) => r.text));
}

async function personOf(externalId: string): Promise<string> {
  return (await db.prisma.identity.findUniqueOrThrow({ where: { externalId } })).personId;
}

async function giveProfile(externalId: string): Promise<void> {
  const programme = await db.prisma.programme.findFirstOrThrow();
  await db.prisma.menteeProfile.create({ data: { personId: await personOf(externalId), programmeId: programme.id, status: "waiting" } });
  await db.prisma.person.update({ where: { id: await personOf(externalId) }, data: { roles: ["mentee"], displayName: "Ali" } });
}

describe.each(["da", "en"] as const)("linking (%s)", (l) => {
  it("a code from Telegram, written on Slack, joins the Slack identity to the same person", async () => {
    await play([...hello(TG, l), [TG, l === "da" ? "forbind" : "link", withCode(l)]]);
    await giveProfile(TG);
    await play(hello(SLACK, l));
    await play(confirmed(SLACK, TG, l));
    await sameAnswer(TG, SLACK, "status");
    expect(await personOf(SLACK)).toBe(await personOf(TG));
    expect(await db.prisma.person.count()).toBe(1);
    expect(await db.prisma.linkCode.count()).toBe(0);
  });

  it("refuses wrong, expired and own codes, and stops after too many tries", async () => {
    await play([...hello(TG, l), [TG, "/link", withCode(l)], [TG, "link {code}", k(l, "link.same")]]);
    bot.clock.advance(16 * 60_000);
    await play(hello(TEAMS, l));
    await play([[TEAMS, "link {code}", k(l, "link.invalid")]]);
    for (let i = 1; i < MAX_FAILED_TRIES; i++) await play([[TEAMS, "link ABCD-EFGH", k(l, "link.invalid")]]);
    await play([
      [TG, "link", withCode(l)],
      [TEAMS, "link {code}", k(l, "link.too_many")],
    ]);
    bot.clock.advance(16 * 60_000);
    await play([[TG, "link", withCode(l)], ...confirmed(TEAMS, TG, l)]);
    expect(await personOf(TEAMS)).toBe(await personOf(TG));
  });
});

describe("linking rules", () => {
  it("refuses kindly when both persons have a profile, and changes nothing", async () => {
    await play([...hello(TG, "en"), ...hello(SLACK, "en")]);
    await giveProfile(TG);
    await giveProfile(SLACK);
    await play([
      [TG, "link", withCode("en")],
      [SLACK, "link {code}", k("en", "link.both_profiles")],
    ]);
    expect(await personOf(SLACK)).not.toBe(await personOf(TG));
    expect(await db.prisma.person.count()).toBe(2);
  });

  it("keeps the person with the profile when the code came from a fresh account", async () => {
    await play([...hello(SLACK, "da"), ...hello(TG, "en")]);
    await giveProfile(TG);
    const profiled = await personOf(TG);
    await play([
      [SLACK, "link", withCode("da")],
      // The redeemer is asked in their language; the final reply comes in the kept person's.
      ...confirmed(TG, SLACK, "en"),
    ]);
    await sameAnswer(TG, SLACK, "status");
    expect(await personOf(SLACK)).toBe(profiled);
    expect(await db.prisma.person.count()).toBe(1);
  });

  it("accepts the code in lower case with spaces, and moves an alert about the fresh person", async () => {
    await play([...hello(TG, "en"), [TG, "link", withCode("en")], ...hello(TEAMS, "en"), [TEAMS, "coordinator", k("en", "cmd.human")]]);
    const fresh = await personOf(TEAMS);
    expect(await db.prisma.escalation.count({ where: { personId: fresh } })).toBe(1);
    code = code.toLowerCase().replace("-", " ");
    await play(confirmed(TEAMS, TG, "en"));
    expect(await db.prisma.escalation.count({ where: { personId: await personOf(TG) } })).toBe(1);
    expect(await db.prisma.person.findUnique({ where: { id: fresh } })).toBeNull();
  });

  it("lists the command in help, and a mid-answer 'link …' that is no code costs no try", async () => {
    await play([...hello(TG, "en"), [TG, "help", `link – ${k("en", "link.help")}`], [TG, "link building for websites", k("en", "link.invalid")]]);
    expect(await db.prisma.auditLog.count({ where: { action: "link.failed" } })).toBe(0);
  });

  it("the scheduler job erases a merged-away person left behind by a stopped process", async () => {
    await play(hello(TG, "en"));
    const leftover = await db.prisma.person.create({ data: { deletedAt: bot.clock.now() } });
    await bot.app.tick();
    expect(await db.prisma.person.findUnique({ where: { id: leftover.id } })).toBeNull();
    expect(await db.prisma.person.count()).toBe(1);
  });
});

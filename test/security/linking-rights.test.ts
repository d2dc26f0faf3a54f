// Issue 13, point 2: linking accounts must never change what anyone may do. The attack: a mentee
// writes "link", and a coordinator is talked into typing "link <code>". Linking joins identities
// of one human only, after both sides said yes; it refuses persons with different roles (a
// coordinator joins only a coordinator), two profiles, and keeps audit rows with their actor.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { linkRefusal, mergePersons, type LinkSide } from "../../src/capabilities/linking/merge.js";
import { erasePerson } from "../../src/infra/people/erase.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

const CODE = /[A-Z2-9]{4}-[A-Z2-9]{4}/;
const en = (key: string, p: Record<string, string> = {}) => t("en", key, p);

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

const personOf = async (externalId: string) => (await db.prisma.identity.findUniqueOrThrow({ where: { externalId } })).personId;
const rolesOf = async (externalId: string) => (await db.prisma.person.findUniqueOrThrow({ where: { id: await personOf(externalId) } })).roles;

async function hello(from: string): Promise<void> {
  await bot.say(from, "hi");
  await bot.say(from, { action: "lang:en" });
}

async function registerCoordinator(from: string, name: string): Promise<void> {
  await hello(from);
  await bot.say(from, { action: "role:coordinator" });
  await bot.say(from, name);
  expect(await bot.ask(from, "coord-secret")).toContain(en("coordinator.done"));
}

async function makeMentee(from: string): Promise<void> {
  await hello(from);
  const programme = await db.prisma.programme.findFirstOrThrow();
  const id = await personOf(from);
  await db.prisma.menteeProfile.create({ data: { personId: id, programmeId: programme.id, status: "waiting" } });
  await db.prisma.person.update({ where: { id }, data: { roles: ["mentee"], displayName: "Mallory" } });
}

async function codeOf(from: string): Promise<string> {
  return CODE.exec(await bot.ask(from, "link"))![0];
}

/** The owner's button in the last "someone wrote your code on …" question. */
async function ownerButton(op: "allow" | "deny"): Promise<string> {
  const row = await db.prisma.outbox.findFirstOrThrow({ where: { kind: "link_confirm" }, orderBy: { createdAt: "desc" } });
  return (row.payload as { buttons: { action: string }[] }).buttons.find((b) => b.action.startsWith(`link:${op}:`))!.action;
}

describe("the attack: a mentee's code typed by a coordinator", () => {
  it("is refused; roles, identities and the coordinator's audit rows stay as they were", async () => {
    await registerCoordinator("console:coord", "Karin");
    await makeMentee("console:mallory");
    const coord = await personOf("console:coord");
    const mallory = await personOf("console:mallory");
    const code = await codeOf("console:mallory");

    expect(await bot.ask("console:coord", `link ${code}`)).toBe(en("link.coordinator_only"));
    // Not even a confirmation is asked, and forged buttons find nothing to confirm.
    expect(await db.prisma.outbox.count({ where: { kind: "link_confirm" } })).toBe(0);
    expect((await bot.say("console:mallory", { action: `link:allow:${coord}` })).map((m) => m.text)).toEqual([en("link.nothing_pending")]);
    expect((await bot.say("console:coord", { action: "link:join" })).map((m) => m.text)).toEqual([en("link.nothing_pending")]);

    expect(await personOf("console:coord")).toBe(coord);
    expect(await personOf("console:mallory")).toBe(mallory);
    expect(await rolesOf("console:coord")).toEqual(["coordinator"]);
    expect(await rolesOf("console:mallory")).toEqual(["mentee"]);
    expect(await bot.ask("console:mallory", "queue")).toBe(en("cmd.not_allowed"));
    expect(await db.prisma.auditLog.count({ where: { action: "coordinator.registered", actorId: coord } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { actorId: mallory, action: { not: "link.refused" } } })).toBe(0);
  });

  it("is refused the other way round too, and a new account never becomes a coordinator by linking", async () => {
    await registerCoordinator("console:coord", "Karin");
    await hello("console:new");
    const code = await codeOf("console:coord");
    expect(await bot.ask("console:new", `link ${code}`)).toBe(en("link.coordinator_only"));
    expect(await rolesOf("console:new")).toEqual([]);
    expect(await personOf("console:new")).not.toBe(await personOf("console:coord"));
  });
});

describe("the merge rules, for every caller", () => {
  const side = (roles: string[], hasProfile = false, started = false): LinkSide => ({ id: roles.join("+") || "blank", roles, hasProfile, started });

  it("allow only the same roles, or a blank new account that brings nothing", () => {
    expect(linkRefusal(side(["mentee"], true), side(["coordinator"]))).toBe("coordinator_only");
    expect(linkRefusal(side([]), side(["coordinator"]))).toBe("coordinator_only");
    expect(linkRefusal(side(["mentee"], true), side(["mentor"]))).toBe("roles_differ");
    expect(linkRefusal(side(["mentee"], true), side([], false, true))).toBe("roles_differ");
    expect(linkRefusal(side(["mentee"], true), side(["mentee"], true))).toBe("both_profiles");
    expect(linkRefusal(side(["coordinator"]), side(["coordinator"]))).toBeUndefined();
    expect(linkRefusal(side(["mentee"], true), side([]))).toBeUndefined();
    expect(linkRefusal(side([]), side(["mentor"], true))).toBeUndefined();
  });

  it("mergePersons itself refuses a mentee and a coordinator, whatever asks it", async () => {
    await registerCoordinator("console:coord", "Karin");
    await makeMentee("console:mallory");
    const [coord, mallory] = [await personOf("console:coord"), await personOf("console:mallory")];
    const r = await db.prisma.$transaction((tx) => mergePersons(tx, mallory, coord, bot.clock.now()));
    expect(r).toEqual({ ok: false, reason: "coordinator_only" });
    expect(await rolesOf("console:mallory")).toEqual(["mentee"]);
  });
});

describe("linking with both sides' yes", () => {
  it("joins a coordinator's own Telegram and Slack; roles stay exactly coordinator, audit rows keep their actor", async () => {
    await registerCoordinator("telegram:51", "Karin");
    await registerCoordinator("slack:T1:U52", "Karin");
    const [tg, slack] = [await personOf("telegram:51"), await personOf("slack:T1:U52")];
    const code = await codeOf("telegram:51");
    expect(await bot.ask("slack:T1:U52", `link ${code}`)).toBe(en("link.confirm_redeemer", { here: "Slack", there: "Telegram" }));
    expect((await bot.say("slack:T1:U52", { action: "link:join" })).map((m) => m.text)).toEqual([en("link.wait_owner", { there: "Telegram" })]);
    // Not joined before the owner's yes; the owner is asked, naming where the code was typed.
    expect(await personOf("slack:T1:U52")).toBe(slack);
    const ask = await db.prisma.outbox.findFirstOrThrow({ where: { kind: "link_confirm" } });
    expect(ask.recipient).toBe(tg);
    expect(ask.payload).toMatchObject({ key: "link.confirm_owner", params: { there: "Slack" } });
    expect((await bot.say("telegram:51", { action: await ownerButton("allow") })).map((m) => m.text)).toEqual([en("link.done")]);

    expect(await personOf("slack:T1:U52")).toBe(tg);
    expect(await rolesOf("slack:T1:U52")).toEqual(["coordinator"]);
    expect(await db.prisma.person.count()).toBe(1);
    const registered = await db.prisma.auditLog.findMany({ where: { action: "coordinator.registered" }, orderBy: { at: "asc" } });
    expect(registered.map((a) => a.actorId).sort()).toEqual([tg, slack].sort());
    const link = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "identity.linked" } });
    expect(link.details).toMatchObject({ keptId: tg, removedId: slack, ownerId: tg, redeemerId: slack });
    expect(await bot.ask("slack:T1:U52", "queue")).not.toBe(en("cmd.not_allowed"));

    // Erasing the person later also clears the rows written under the id merged into it.
    await db.prisma.$transaction((tx) => erasePerson(tx, tg, bot.clock.now()));
    expect(await db.prisma.auditLog.count({ where: { OR: [{ actorId: { in: [tg, slack] } }, { subjectId: { in: [tg, slack] } }] } })).toBe(0);
  });

  it("joins a new, empty account to a mentee only after both said yes; it brings no role", async () => {
    await makeMentee("telegram:61");
    await hello("slack:T1:U62");
    const mentee = await personOf("telegram:61");
    const code = await codeOf("telegram:61");
    expect(await bot.ask("slack:T1:U62", `link ${code}`)).toBe(en("link.confirm_redeemer", { here: "Slack", there: "Telegram" }));
    await bot.say("slack:T1:U62", { action: "link:join" });
    expect(await personOf("slack:T1:U62")).not.toBe(mentee);
    await bot.say("telegram:61", { action: await ownerButton("allow") });
    expect(await personOf("slack:T1:U62")).toBe(mentee);
    expect(await rolesOf("slack:T1:U62")).toEqual(["mentee"]);
  });

  it("refuses two profiles without asking anyone", async () => {
    await makeMentee("telegram:71");
    await makeMentee("slack:T1:U72");
    const code = await codeOf("telegram:71");
    expect(await bot.ask("slack:T1:U72", `link ${code}`)).toBe(en("link.both_profiles"));
    expect(await db.prisma.outbox.count({ where: { kind: "link_confirm" } })).toBe(0);
    expect(await db.prisma.person.count()).toBe(2);
  });

  it("joins nothing when either side says no, or the owner answers too late", async () => {
    await makeMentee("telegram:81");
    await hello("slack:T1:U82");
    const mentee = await personOf("telegram:81");
    // The redeemer says no.
    await bot.ask("slack:T1:U82", `link ${await codeOf("telegram:81")}`);
    expect((await bot.say("slack:T1:U82", { action: "link:cancel" })).map((m) => m.text)).toEqual([en("link.declined")]);
    expect(await db.prisma.linkCode.count()).toBe(0);
    // The owner says no.
    await bot.ask("slack:T1:U82", `link ${await codeOf("telegram:81")}`);
    await bot.say("slack:T1:U82", { action: "link:join" });
    expect((await bot.say("telegram:81", { action: await ownerButton("deny") })).map((m) => m.text)).toEqual([en("link.declined")]);
    expect((await bot.say("telegram:81", { action: await ownerButton("allow") })).map((m) => m.text)).toEqual([en("link.nothing_pending")]);
    // The owner says yes after the code's 15 minutes.
    await bot.ask("slack:T1:U82", `link ${await codeOf("telegram:81")}`);
    await bot.say("slack:T1:U82", { action: "link:join" });
    bot.clock.advance(16 * 60_000);
    expect((await bot.say("telegram:81", { action: await ownerButton("allow") })).map((m) => m.text)).toEqual([en("link.nothing_pending")]);
    expect(await personOf("slack:T1:U82")).not.toBe(mentee);
    expect(await db.prisma.person.count()).toBe(2);
  });

  it("checks the rules again at the owner's yes: a redeemer who became a coordinator meanwhile is refused", async () => {
    await makeMentee("telegram:91");
    await hello("slack:T1:U92");
    await bot.ask("slack:T1:U92", `link ${await codeOf("telegram:91")}`);
    await bot.say("slack:T1:U92", { action: "link:join" });
    await bot.say("slack:T1:U92", { action: "role:coordinator" });
    await bot.say("slack:T1:U92", "Eve");
    await bot.say("slack:T1:U92", "coord-secret");
    expect(await rolesOf("slack:T1:U92")).toEqual(["coordinator"]);
    expect((await bot.say("telegram:91", { action: await ownerButton("allow") })).map((m) => m.text)).toEqual([en("link.coordinator_only")]);
    expect(await rolesOf("telegram:91")).toEqual(["mentee"]);
    expect(await db.prisma.person.count()).toBe(2);
  });

  it("binds the owner's yes to the redeemer it was asked about: a code already confirmed cannot be taken over", async () => {
    await makeMentee("telegram:95");
    await hello("slack:T1:U96");
    await hello("teams:aad-97");
    const code = await codeOf("telegram:95");
    await bot.ask("slack:T1:U96", `link ${code}`);
    await bot.say("slack:T1:U96", { action: "link:join" });
    expect(await bot.ask("teams:aad-97", `link ${code}`)).toBe(en("link.invalid"));
    // A third account pressing the owner's button finds nothing of its own to confirm.
    expect((await bot.say("teams:aad-97", { action: await ownerButton("allow") })).map((m) => m.text)).toEqual([en("link.nothing_pending")]);
    await bot.say("telegram:95", { action: await ownerButton("allow") });
    expect(await personOf("slack:T1:U96")).toBe(await personOf("telegram:95"));
    expect(await personOf("teams:aad-97")).not.toBe(await personOf("telegram:95"));
  });
});

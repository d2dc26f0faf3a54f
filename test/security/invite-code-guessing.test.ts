// Issue 13, point 3: the coordinator invitation code could be guessed without limit (500 wrong
// tries in 9 s, no lock-out, no audit). Now a few tries per person and per platform identity, then
// lock-outs of 1 minute, 5 minutes, 1 hour, 24 hours, kept in the database and measured with the
// injected clock; every wrong code is audited (never its text), one burst raises one alert, and a
// code typed while locked out is not compared at all. The mentor code goes through the same guard.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { FREE_TRIES, guardKeys, LOCKOUTS_MS, purgeQuietGuards, QUIET_RESET_MS, recordFailure, sameSecret } from "../../src/infra/security/code-guard.js";
import { createBotHarness, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

const RIGHT = "coord-secret"; // the harness's coordinator code
const en = (key: string, p: Record<string, string | number> = {}) => t("en", key, p);
const locked = (wait: string) => en("invite.locked", { wait });

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  bot = await createBotHarness(db, { mentorCode: "mentor-code-2026" });
});

const personOf = async (externalId: string) => (await db.prisma.identity.findUniqueOrThrow({ where: { externalId } })).personId;
const failures = () => db.prisma.auditLog.count({ where: { action: "invite_code.failed" } });
const isCoordinator = async (from: string) => (await db.prisma.person.findUniqueOrThrow({ where: { id: await personOf(from) } })).roles.includes("coordinator");

/** Starts the coordinator sign-up and stops at the code question. */
async function atCodeStep(from: string): Promise<void> {
  await bot.say(from, "hi");
  await bot.say(from, { action: "lang:en" });
  await bot.say(from, { action: "role:coordinator" });
  expect(await bot.ask(from, "Karin")).toBe(en("coordinator.code"));
}

async function wrong(from: string, times: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < times; i++) out.push(await bot.ask(from, `guess-${String(i).padStart(4, "0")}-x`));
  return out;
}

describe("guessing the coordinator code", { timeout: 120_000 }, () => {
  it("500 wrong codes from one identity: 5 compared and audited, then locked out; one alert", async () => {
    await atCodeStep("telegram:666");
    const answers = await wrong("telegram:666", 500);
    expect(answers.slice(0, FREE_TRIES - 1)).toEqual(Array(FREE_TRIES - 1).fill(en("coordinator.code_invalid")));
    expect(answers[FREE_TRIES - 1]).toBe(`${en("coordinator.code_invalid")}\n---\n${locked(en("wait.minute"))}`);
    expect(new Set(answers.slice(FREE_TRIES))).toEqual(new Set([locked(en("wait.minute"))]));
    expect(await failures()).toBe(FREE_TRIES);
    const audit = await db.prisma.auditLog.findMany({ where: { action: { startsWith: "invite_code." } } });
    // No code text in the audit trail.
    expect(JSON.stringify(audit)).not.toMatch(/guess-|coord-secret/);
    expect(audit.filter((a) => a.action === "invite_code.locked")).toHaveLength(1);
    const alerts = await db.prisma.escalation.findMany({ where: { kind: "code_guessing" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.personId).toBe(await personOf("telegram:666"));
    expect(await isCoordinator("telegram:666")).toBe(false);
  });

  it("refuses the right code during a lock-out without comparing it, and accepts it once the lock-out is over", async () => {
    await atCodeStep("slack:T1:U1");
    await wrong("slack:T1:U1", FREE_TRIES);
    expect(await bot.ask("slack:T1:U1", RIGHT)).toBe(locked(en("wait.minute")));
    expect(await isCoordinator("slack:T1:U1")).toBe(false);
    expect(await failures()).toBe(FREE_TRIES);
    bot.clock.advance(LOCKOUTS_MS[0]! + 1_000);
    expect(await bot.ask("slack:T1:U1", RIGHT)).toBe(en("coordinator.done"));
    expect(await isCoordinator("slack:T1:U1")).toBe(true);
  });

  it("makes each lock-out longer: 1 minute, 5 minutes, 1 hour, 24 hours; still one alert that day", async () => {
    await atCodeStep("teams:aad-1");
    const waits = [en("wait.minute"), en("wait.minutes", { n: 5 }), en("wait.hour"), en("wait.hours", { n: 24 })];
    for (const [i, wait] of waits.entries()) {
      const answers = await wrong("teams:aad-1", FREE_TRIES);
      expect(answers.at(-1), `lock-out ${i + 1}: ${JSON.stringify(answers)}`).toContain(locked(wait));
      // Just before the end it still holds; it says how long is left.
      bot.clock.advance(LOCKOUTS_MS[i]! - 30_000);
      expect(await bot.ask("teams:aad-1", RIGHT)).toBe(locked(en("wait.minute")));
      bot.clock.advance(31_000);
    }
    expect(await failures()).toBe(4 * FREE_TRIES);
    expect(await db.prisma.escalation.count({ where: { kind: "code_guessing" } })).toBe(1);
  });

  it("keeps the lock-out in the database: a new harness (a restart, another instance) still refuses", async () => {
    await atCodeStep("telegram:777");
    await wrong("telegram:777", FREE_TRIES);
    const restarted = await createBotHarness(db);
    restarted.clock.set(bot.clock.now());
    expect(await restarted.ask("telegram:777", RIGHT)).toBe(locked(en("wait.minute")));
  });

  it("counts per person: two linked identities do not double the tries", async () => {
    // One person on Telegram and Slack (a blank Slack account linked after both said yes).
    await atCodeStep("telegram:31");
    await bot.say("slack:T1:U32", "hi");
    const code = /[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(await bot.ask("telegram:31", "link"))![0];
    await bot.say("slack:T1:U32", `link ${code}`);
    await bot.say("slack:T1:U32", { action: "link:join" });
    const ask = await db.prisma.outbox.findFirstOrThrow({ where: { kind: "link_confirm" } });
    await bot.say("telegram:31", { action: (ask.payload as { buttons: { action: string }[] }).buttons[0]!.action });
    expect(await personOf("slack:T1:U32")).toBe(await personOf("telegram:31"));

    await wrong("telegram:31", 3);
    await wrong("slack:T1:U32", FREE_TRIES - 3);
    expect(await bot.ask("slack:T1:U32", RIGHT)).toBe(locked(en("wait.minute")));
    expect(await bot.ask("telegram:31", RIGHT)).toBe(locked(en("wait.minute")));
    expect(await failures()).toBe(FREE_TRIES);
  });

  it("counts per identity: an identity locked out stays locked when it moves to another person", async () => {
    await atCodeStep("telegram:41");
    await wrong("telegram:41", FREE_TRIES);
    // Another person, also in the coordinator sign-up, links the locked identity to itself.
    await atCodeStep("slack:T1:U42");
    const code = /[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(await bot.ask("slack:T1:U42", "link"))![0];
    await bot.say("telegram:41", `link ${code}`);
    await bot.say("telegram:41", { action: "link:join" });
    const ask = await db.prisma.outbox.findFirstOrThrow({ where: { kind: "link_confirm" } });
    await bot.say("slack:T1:U42", { action: (ask.payload as { buttons: { action: string }[] }).buttons[0]!.action });
    expect(await personOf("telegram:41")).toBe(await personOf("slack:T1:U42"));
    // The person is fresh, the identity is not.
    expect(await bot.ask("telegram:41", RIGHT)).toBe(locked(en("wait.minute")));
    expect(await failures()).toBe(FREE_TRIES);
    expect(await bot.ask("slack:T1:U42", RIGHT)).toBe(en("coordinator.done"));
  });
});

describe("guessing the mentor code", { timeout: 120_000 }, () => {
  it("goes through the same guard: after 5 wrong codes the right one is not compared", async () => {
    const me = "telegram:88";
    await bot.say(me, "hi");
    for (const input of [
      { action: "lang:en" },
      { action: "role:mentor" },
      { action: "yes" },
      "Birgitte",
      "nursing",
      "Ward nurse",
      "CV and applications, job interviews",
      "20 years in health care",
      "Danish and English",
      "Odense",
      "2",
      "4",
      { action: "opt:weekend" },
      { action: "multi:done" },
      "video call",
      { action: "skip" },
      "woman",
    ])
      await bot.say(me, input);
    expect(await bot.ask(me, "35-55")).toContain(en("mentor.invite_code"));
    const atCode = await db.prisma.conversation.findUniqueOrThrow({ where: { personId: await personOf(me) } });
    // Back at the code question for each try (the flow ends after the summary).
    const attempt = async (code: string) => {
      await db.prisma.conversation.update({ where: { personId: atCode.personId }, data: { data: atCode.data as object } });
      await bot.say(me, code);
      return (await bot.say(me, { action: "summary:confirm" })).map((m) => m.text).join("\n---\n");
    };
    for (let i = 0; i < FREE_TRIES; i++) expect(await attempt(`mentor-guess-${i}`)).toContain(en("mentor.invite_invalid"));
    expect(await attempt("mentor-code-2026")).toContain(en("mentor.invite_locked"));
    expect((await db.prisma.mentorProfile.findFirstOrThrow()).status).toBe("pending");
    expect(await db.prisma.auditLog.count({ where: { action: "invite_code.failed", details: { path: ["kind"], equals: "mentor" } } })).toBe(FREE_TRIES);
    expect(await db.prisma.escalation.count({ where: { kind: "code_guessing" } })).toBe(1);
  });
});

describe("the guard's counters", { timeout: 120_000 }, () => {
  it("hold no ids, start afresh after a quiet week, and are then removed by the scheduler's job", async () => {
    const keys = guardKeys("invite", "person-1", "telegram:1");
    const now = bot.clock.now();
    for (let i = 0; i < FREE_TRIES - 1; i++) expect(await recordFailure(db.prisma, keys, now)).toBeUndefined();
    expect(JSON.stringify(await db.prisma.codeGuard.findMany())).not.toMatch(/person-1|telegram/);
    const later = new Date(now.getTime() + QUIET_RESET_MS + 1_000);
    // Four old failures do not add up with one new one.
    expect(await recordFailure(db.prisma, keys, later)).toBeUndefined();
    expect(await purgeQuietGuards(db.prisma, later)).toBe(0);
    expect(await purgeQuietGuards(db.prisma, new Date(later.getTime() + QUIET_RESET_MS + 1_000))).toBe(2);
  });
});

describe("the comparison", { timeout: 120_000 }, () => {
  it("hashes both sides, so codes of any length compare without throwing", () => {
    expect(sameSecret("coord-secret", "coord-secret")).toBe(true);
    expect(sameSecret("coord-secre", "coord-secret")).toBe(false);
    expect(sameSecret("", "coord-secret")).toBe(false);
    expect(sameSecret("x".repeat(1000), "coord-secret")).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateState, startFlow, stepFlow } from "../../src/core/flows/engine.js";
import { menteeIntake } from "../../src/capabilities/onboarding/mentee-intake.js";
import type { FlowDef } from "../../src/core/flows/types.js";
import { t } from "../../src/core/i18n/index.js";
import { createBotHarness } from "../helpers/bot-harness.js";
import { dumpAllText, openTestDb } from "../helpers/test-db.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

describe("delete my data", () => {
  it("leaves none of the person's personal data in any table", async () => {
    await db.reset();
    const bot = await createBotHarness(db);
    const from = "console:zainab-secret";
    const inputs = [
      "hej",
      { action: "lang:da" },
      { action: "role:mentee" },
      { action: "yes" },
      { action: "yes" },
      { action: "yes" },
      "Zainabxyz",
      "1",
      "5",
      "Kemiingeniør fra Aleppo",
      "Laborant hos Qwertyfirma",
      "sundhed",
      "1",
      "1",
      "dansk",
      "Odense",
      "1",
      "i morgen",
      "1",
      "1",
      "1",
      "1",
      "ja",
      "Sagsbehandler Jensenqq",
      "3",
      "3",
      "3",
    ] as const;
    for (const i of inputs) await bot.say(from, i as string);
    const summary = await bot.say(from, { action: "summary:confirm" });
    expect(summary[0]!.text).toContain("Zainabxyz");
    const person = await db.prisma.person.findFirstOrThrow({ where: { displayName: "Zainabxyz" } });
    const before = await dumpAllText(db);
    expect(before).toContain("Zainabxyz");
    expect(await bot.say(from, "slet mine data")).toHaveLength(1);
    const done = await bot.say(from, { action: "delete:yes" });
    expect(done[0]!.text).toBe(t("da", "cmd.deleted"));
    const after = await dumpAllText(db);
    for (const secret of ["Zainabxyz", "Aleppo", "Qwertyfirma", "Jensenqq", "zainab-secret", person.id]) expect(after).not.toContain(secret);
    // Anonymous statistics remain.
    expect(await db.prisma.selfAssessment.count()).toBe(1);
  });
});

describe("flow versions", () => {
  const ctx = { locale: "da" as const, now: new Date("2026-11-24T10:00:00Z") };
  it("continues at the same step when the version changed but the step still exists", () => {
    let s = startFlow(menteeIntake, ctx).state!;
    for (const a of ["yes", "yes", "yes"]) s = stepFlow(menteeIntake, s, { kind: "action", action: a }, ctx).state!;
    s = stepFlow(menteeIntake, s, { kind: "text", text: "Sara" }, ctx).state!;
    const v2: FlowDef = { ...menteeIntake, version: 2 };
    const m = migrateState(v2, { ...s, version: 1 });
    expect(m.migrated).toBe(true);
    expect(m.state.step).toBe("situation");
    expect(m.state.answers.name).toBe("Sara");
  });
  it("moves to the nearest open step when the stored step was removed", () => {
    let s = startFlow(menteeIntake, ctx).state!;
    for (const a of ["yes", "yes", "yes"]) s = stepFlow(menteeIntake, s, { kind: "action", action: a }, ctx).state!;
    const v2: FlowDef = {
      ...menteeIntake,
      version: 2,
      steps: menteeIntake.steps.map((st) => (st.id === "consent_stats" ? { ...st, next: "situation" } : st)).filter((st) => st.id !== "name"),
    };
    const m = migrateState(v2, { ...s, step: "name" });
    expect(m.state.step).toBe("situation");
    const next = stepFlow(v2, m.state, { kind: "text", text: "1" }, ctx);
    expect(next.state!.step).toBe("education_level");
  });
  it("drops answers that are no longer valid options", () => {
    const s = {
      ...startFlow(menteeIntake, ctx).state!,
      answers: { consent_matching: true, consent_share: true, consent_stats: true, name: "Sara", situation: "astronaut" },
      step: "education_level",
      version: 0,
    };
    const m = migrateState(menteeIntake, s);
    expect(m.state.step).toBe("situation");
    expect(m.state.answers.situation).toBeUndefined();
  });
});

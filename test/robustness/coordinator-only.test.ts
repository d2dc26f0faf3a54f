// Security: every coordinator-only command and action is refused to mentees and mentors, and
// nothing about another person leaks in the refusal. The list is taken from the registered
// capabilities, so a new coordinator command is covered automatically.
import pino from "pino";
import { erasePerson } from "../../src/infra/people/erase.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CAPABILITIES } from "../../src/capabilities/index.js";
import { DEFAULT_SETTINGS } from "../../src/core/capability.js";
import { recogniseCommand } from "../../src/core/conversation/commands.js";
import { t } from "../../src/core/i18n/index.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { createBotHarness, T0, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
beforeAll(async () => {
  db = await openTestDb();
  await seedDemo(db.prisma, await ensureProgramme(db.prisma), T0);
  bot = await createBotHarness(db);
  // A mentee who finished the intake (role mentee), next to the demo mentor "anna".
  const p = await db.prisma.person.create({
    data: {
      displayName: "Mia",
      roles: ["mentee"],
      locale: "da",
      identities: { create: { externalId: "console:mia", platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  await db.prisma.menteeProfile.create({ data: { personId: p.id, programmeId: (await db.prisma.programme.findFirstOrThrow()).id, status: "waiting" } });
});
afterAll(async () => db.close());

const deps = () => ({ db: db.prisma, clock: { now: () => T0 }, logger: pino({ level: "silent" }), settings: DEFAULT_SETTINGS, erase: erasePerson });

describe("coordinator-only commands and actions", () => {
  it("are refused to a mentee and a mentor, every one of them", async () => {
    const commands = ALL_CAPABILITIES.map((f) => f(deps()))
      .flatMap((c) => c.commands ?? [])
      .filter((c) => c.roles && c.roles.every((r) => r === "coordinator"));
    expect(commands.length).toBeGreaterThanOrEqual(8);
    const refusal = t("da", "cmd.not_allowed");
    let checked = 0;
    for (const who of ["console:mia", "console:anna"]) {
      for (const command of commands) {
        for (const word of command.words) {
          if (recogniseCommand(`/${word}`)) continue; // a core command everybody has (help, status…)
          const replies = await bot.say(who, `/${word}`);
          expect(replies.map((r) => r.text).join(" "), `${who} /${word}`).toBe(refusal);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("coordinator buttons are refused too", async () => {
    const refusal = [t("da", "cmd.not_allowed")];
    const mentee = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "console:mia" } });
    for (const action of [`prop:ok:x`, `prop:hold:x`, `prop:alt:x`, `mnt:ok:${mentee.personId}`]) {
      const replies = await bot.say("console:mia", { action });
      expect(
        replies.map((r) => r.text),
        action,
      ).toEqual(refusal);
    }
  });
});

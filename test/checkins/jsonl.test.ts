// Acceptance in the console's --jsonl mode: advancing the clock week by week drives the nudges,
// the answers, a reminder, a pause and the closing conversation with an outcome. The match is
// written into the DATA_DIR before the bot starts (demo mentor Anna, mentee Sara), so the test
// does not depend on a matching run.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/database.js";
import { t } from "../../src/core/i18n/index.js";
import { localParts } from "../../src/lib/time.js";
import { seedDataDir } from "../helpers/data-dir.js";
import { spawnBot } from "../helpers/spawn-bot.js";

type Line = { to?: string; text?: string; buttons?: { action: string; label: string }[] };
const DAY = 864e5;
const ANNA = "console:anna";
const SARA = "console:sara";

const prepare = (dir: string) =>
  seedDataDir(dir, async (db, programmeId, now) => {
    const anna = await db.identity.findUniqueOrThrow({ where: { externalId: ANNA } });
    const sara = await db.person.create({
      data: {
        displayName: "Sara",
        locale: "en",
        roles: ["mentee"],
        identities: { create: { externalId: SARA, platform: "console" } },
        conversation: { create: { data: { mode: "idle" } } },
      },
    });
    await db.menteeProfile.create({ data: { personId: sara.id, programmeId, goals: ["job"], status: "matched" } });
    // Started a week ago; the weekday is tomorrow's, so each week's nudge falls inside one "advance P7D".
    const weekday = localParts(new Date(now.getTime() + DAY), "Europe/Copenhagen").weekday;
    await db.match.create({
      data: {
        programmeId,
        mentorId: anna.personId,
        menteeId: sara.id,
        startedAt: new Date(now.getTime() - 7 * DAY),
        endsAt: new Date(now.getTime() + 21.5 * DAY),
        checkinWeekday: weekday,
      },
    });
  });

describe("check-ins in the console (--jsonl)", () => {
  it("nudges, answers, a reminder, a pause and the closing conversation, week by week", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mb-chk-"));
    await prepare(dir);
    const bot = spawnBot({ DATA_DIR: dir });
    let mark = 0;
    /** Waits for a line to `to` whose text contains `text`, after the last thing sent. */
    const expectLine = async (to: string, text: string): Promise<Line> => {
      try {
        return (await bot.waitFor((l) => bot.lines.indexOf(l) >= mark && (l as Line).to === to && ((l as Line).text ?? "").includes(text), 300_000)) as Line;
      } catch (err) {
        throw new Error(`no line to ${to} with "${text}"; lines since the last send: ${JSON.stringify(bot.lines.slice(mark)).slice(0, 3000)}`, { cause: err });
      }
    };
    const send = (event: object) => {
      mark = bot.lines.length;
      bot.send(event);
    };
    const action = (line: Line, prefix: string) => line.buttons!.find((b) => b.action.startsWith(prefix))!.action;

    // Week 1: both are asked; Anna answers, Sara does not and gets one reminder two days later.
    send({ advance: "P7D" });
    const askAnna = await expectLine(ANNA, t("da", "chk.ask_mentor", { name: "Sara" }));
    const askSara = await expectLine(SARA, t("en", "chk.ask_mentee", { name: "Anna" }));
    await expectLine(SARA, t("en", "chk.remind_mentee", { name: "Anna" }));
    send({ from: ANNA, action: action(askAnna, "chk:y:") });
    await expectLine(ANNA, t("da", "chk.hours"));
    send({ from: ANNA, text: "1,5" });
    await expectLine(ANNA, t("da", "chk.topic"));
    send({ from: ANNA, text: "2" }); // the console's numbered buttons: "CV og ansøgning"
    await expectLine(ANNA, t("da", "chk.note"));
    send({ from: ANNA, action: "chka:skip" });
    await expectLine(ANNA, t("da", "chk.saved_met", { hours: "1,5" }));

    // Week 2: the next nudge; Sara pauses check-ins for a week, and Anna is told.
    send({ advance: "P7D" });
    const askSara2 = await expectLine(SARA, t("en", "chk.ask_mentee", { name: "Anna" }));
    expect(action(askSara2, "chk:y:")).not.toBe(action(askSara, "chk:y:"));
    send({ from: SARA, action: action(askSara2, "chk:p:") });
    await expectLine(SARA, t("en", "chk.pause_weeks"));
    send({ from: SARA, text: "1" });
    await expectLine(SARA, t("en", "chk.pause_reason"));
    await expectLine(ANNA, t("da", "chk.paused_other", { name: "Sara", date: "" }).slice(0, 20));
    send({ from: SARA, action: "chka:holiday" });
    await expectLine(SARA, t("en", "chk.pause_thanks"));

    // Week 3: paused, so nobody is asked (a status question marks the end of the week's lines).
    const week3 = bot.lines.length;
    send({ advance: "P7D" });
    send({ from: ANNA, text: "status" });
    await bot.waitFor((l) => bot.lines.indexOf(l) >= mark && (l as Line).to === ANNA, 300_000);
    const asked = (bot.lines.slice(week3) as Line[]).filter((l) => /chk:y:/.test(JSON.stringify(l.buttons ?? [])));
    expect(asked).toEqual([]);

    // Week 4: the programme ends: closing conversation with an outcome.
    send({ advance: "P7D" });
    const closeSara = await expectLine(SARA, t("en", "chk.ask_close_mentee", { name: "Anna" }));
    await expectLine(ANNA, t("da", "chk.ask_close_mentor", { name: "Sara" }));
    send({ from: SARA, action: action(closeSara, "chk:o:").replace(/:[a-z_]+$/, ":job") });
    await expectLine(SARA, t("en", "chk.outcome_date"));
    send({ from: SARA, text: "today" });
    await expectLine(SARA, t("en", "chk.final_intro"));
    for (const n of ["3", "4", "4"]) send({ from: SARA, text: n });
    await expectLine(SARA, t("en", "chk.final_rating"));
    send({ from: SARA, text: "5" });
    await expectLine(SARA, t("en", "chk.feedback"));
    send({ from: SARA, text: "Anna helped me a lot" });
    await expectLine(SARA, t("en", "chk.close_done"));
    expect(await bot.end()).toBe(0);

    const database = await openDatabase({ dataDir: dir });
    const outcome = await database.prisma.outcome.findFirstOrThrow();
    expect(outcome.category).toBe("job");
    const events = await database.prisma.matchEvent.findMany({ orderBy: { at: "asc" } });
    expect(events.map((e) => [e.from, e.to, e.reason])).toEqual([
      ["active", "paused", "holiday"],
      ["paused", "active", "pause_over"],
      ["active", "ended", "completed"],
    ]);
    expect((await database.prisma.selfAssessment.findFirstOrThrow({ where: { kind: "final" } })).scores).toEqual({ confidence: 3, clarity: 4, network: 4 });
    await database.close();
  }, 1_200_000);
});

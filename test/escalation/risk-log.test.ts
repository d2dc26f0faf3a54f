// The log line of a risk message names the escalation and the category, never the person: a
// person id beside a risk category is health data, and logs travel further than the database.
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggerOptions, withoutPersonBesideHealth } from "../../src/infra/logger.js";
import { openTestDb } from "../helpers/test-db.js";
import { addPerson, allClear, createEscBot } from "./harness.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

/** A logger made like the bot's, writing its JSON lines into an array. */
function capture(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino(loggerOptions("debug"), stream), lines };
}

describe("risk logging", () => {
  it("logs the escalation id and category of a risk message, and the person id nowhere", async () => {
    const { logger, lines } = capture();
    const bot = await createEscBot(db, { logger, detect: allClear });
    await addPerson(db, "kim", { roles: ["coordinator"] });
    const samId = await addPerson(db, "sam", { roles: ["mentee"], locale: "en" });
    await bot.say("console:sam", "I have been thinking about killing myself");
    bot.clock.advance(5 * 60_000);
    await bot.say("console:sam", "I can't stop drinking");

    const esc = await db.prisma.escalation.findFirstOrThrow({ where: { personId: samId } });
    const risk = lines.filter((l) => l.msg === "risk language: safety reply and alert");
    expect(risk).toHaveLength(2);
    expect(risk[0]).toMatchObject({ escalationId: esc.id, category: "suicide", severity: "high" });
    expect(risk[1]).toMatchObject({ escalationId: esc.id, category: "substance", folded: true });
    for (const line of lines) {
      expect(JSON.stringify(line)).not.toContain(samId);
      expect(line).not.toHaveProperty("personId");
    }
  });

  it("drops person identifiers from any line that carries a risk category or severity", async () => {
    const { logger, lines } = capture();
    logger.info({ personId: "p-1", category: "self_harm" }, "a careless call site");
    logger.warn({ menteeId: "p-2", severity: "high", escalationId: "e-1" }, "another");
    logger.info({ personId: "p-3", code: "SEND_FAILED" }, "a person id alone is allowed");
    expect(lines.map(({ level: _l, time: _t, ...rest }) => rest)).toEqual([
      { category: "self_harm", msg: "a careless call site" },
      { severity: "high", escalationId: "e-1", msg: "another" },
      { personId: "p-3", code: "SEND_FAILED", msg: "a person id alone is allowed" },
    ]);
    expect(withoutPersonBesideHealth({ subjectId: "x", risk: true })).toEqual({ risk: true });
  });
});

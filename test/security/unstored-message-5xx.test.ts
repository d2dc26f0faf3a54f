// Issue 13, point 7, at the HTTP edge: a message the core could not store (its step kept losing
// a race, or the database reported a deadlock) is answered with a retryable 5xx on every webhook
// platform, so the platform delivers it again, and the person is told once, kindly, that the
// answer will come — never a 200 with an apology. Delivered again once the store works, it is
// stored and answered once. The races are made permanent with a trigger: a writer outside the
// person's lock that wins every time (the seq check fails) or a deadlock on every update.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { SLACK_SECRET, startRig } from "../helpers/platform-rig.js";
import { messageEvent } from "../fakes/slack-payloads.js";
import { waitFor } from "../fakes/http-util.js";
import { openTestDb } from "../helpers/test-db.js";

const WELCOME = t("da", "welcome.who");
const UNAVAILABLE = t("da", "common.unavailable");
const SORRY = t("da", "common.error");

let db: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS burst_conflict ON "Conversation"`);
  await db.reset();
});

/** Every update of a conversation from now on fails: `skip` as if another writer won the seq, `deadlock` as PostgreSQL reports one. */
async function breakConversationUpdates(how: "skip" | "deadlock"): Promise<void> {
  const body = how === "skip" ? "RETURN NULL;" : "RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01';";
  await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION burst_conflict() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`);
  await db.prisma.$executeRawUnsafe(`CREATE TRIGGER burst_conflict BEFORE UPDATE ON "Conversation" FOR EACH ROW EXECUTE FUNCTION burst_conflict()`);
}
const repair = () => db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS burst_conflict ON "Conversation"`);

const tgUpdate = (updateId: number, user: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 0,
    chat: { id: user, type: "private", first_name: `U${user}` },
    from: { id: user, is_bot: false, first_name: `U${user}`, language_code: "da" },
    text,
  },
});

describe("a message the core could not store", () => {
  for (const how of ["skip", "deadlock"] as const) {
    it(`(${how === "skip" ? "seq lost every time" : "deadlock"}) gets a 5xx on Telegram, Slack and Teams, the 'answer will come' text once, and is stored once when delivered again`, async () => {
      const rig = await startRig(db);
      try {
        // First messages: each person gets a conversation (created, not updated).
        expect(await rig.telegram.text(7001, "hej")).toBe(200);
        expect(await rig.slackUser.text("U7002ABC", "hej")).toBe(200);
        expect(await rig.teamsUser.text("ola", "hej")).toBe(200);
        await waitFor(() => rig.teamsUser.received("ola").length === 1, 5_000, "Teams welcome");

        await breakConversationUpdates(how);
        const update = tgUpdate(77_001, 7001, "hej igen");
        const slackBody = JSON.stringify(messageEvent("U7002ABC", { text: "hej igen" }));
        const slackPost = () => rig.slack.post(`${rig.platforms.url}/slack/events`, slackBody, "application/json", SLACK_SECRET).then((r) => r.status);
        // The platforms deliver twice while it fails: a retryable status both times, one kind text.
        for (let i = 0; i < 2; i++) {
          expect(await rig.tg.deliver(update)).toBe(503);
          expect(await slackPost()).toBe(500);
        }
        expect(await rig.teamsUser.text("ola", "hej igen")).toBe(503);
        expect(rig.telegram.received(7001)).toEqual([WELCOME, UNAVAILABLE]);
        expect(rig.slackUser.received("U7002ABC")).toEqual([WELCOME, UNAVAILABLE]);
        expect(rig.teamsUser.received("ola")).toEqual([WELCOME, UNAVAILABLE]);
        expect(await db.prisma.inboundEvent.count({ where: { key: { in: ["telegram:upd:77001"] } } })).toBe(0);

        // The store works again: the platform's next delivery is stored and answered, once.
        await repair();
        expect(await rig.tg.deliver(update)).toBe(200);
        expect(await slackPost()).toBe(200);
        expect(await rig.tg.deliver(update)).toBe(200);
        const tg = rig.telegram.received(7001);
        const slack = rig.slackUser.received("U7002ABC");
        expect(tg).toHaveLength(3);
        expect(slack).toHaveLength(3);
        for (const text of [...tg, ...slack, ...rig.teamsUser.received("ola")]) expect(text).not.toBe(SORRY);
        expect(await db.prisma.inboundEvent.count({ where: { key: "telegram:upd:77001" } })).toBe(1);
      } finally {
        await repair();
        await rig.stop();
      }
    });
  }
});

// The database connection goes away in the middle of a message, for real: while the step's
// transaction is open, its PostgreSQL backend is terminated (pg_terminate_backend). On every
// platform the person gets a kind "try again" once, the platform gets a retryable status, nothing
// of the step is written; the platform's redelivery of the same update is then processed once.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_EVENTS_PATH, TEAMS_MESSAGES_PATH } from "../../adapters/start-platforms.js";
import type { Database } from "../../src/infra/db/database.js";
import { t } from "../../src/core/i18n/index.js";
import { APP_ID } from "../contract/teams-harness.js";
import { blockAction, dmOf } from "../fakes/slack-payloads.js";
import { SLACK_SECRET, startRig, type PlatformRig } from "../helpers/platform-rig.js";
import { openTestDb } from "../helpers/test-db.js";

const BASE = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const NAME = `mb_gone_${randomUUID().slice(0, 8)}`;
const URL = BASE.replace(/\/[^/?]*(\?|$)/, `/${NAME}$1`);
const admin = new pg.Client({ connectionString: BASE });
let db: Awaited<ReturnType<typeof openTestDb>>;
let rig: PlatformRig;
let armed = false;
let killed = 0;

/** The rig's database, but the step's transaction loses its connection when armed. */
function cutting(base: Database): Database {
  const prisma = base.prisma.$extends({
    query: {
      conversation: {
        async updateMany({ args, query }) {
          if (armed) {
            armed = false;
            // The open transaction waits on us, so its backend is the one idle in a transaction.
            const r = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`, [NAME]);
            killed += r.rowCount ?? 0;
          }
          return query(args);
        },
      },
    },
  }) as unknown as Database["prisma"];
  return { ...base, prisma };
}

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${NAME}`);
  db = await openTestDb(URL);
  rig = await startRig(cutting(db));
});

afterAll(async () => {
  await rig?.stop();
  await db?.close();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
});

/** The stored trace of one person: their step, its sequence number, processed events and replies. */
async function trace(externalId: string) {
  const identity = await db.prisma.identity.findUniqueOrThrow({ where: { externalId } });
  const convo = await db.prisma.conversation.findUniqueOrThrow({ where: { personId: identity.personId } });
  return {
    step: convo.step,
    seq: convo.seq,
    consents: await db.prisma.consent.count({ where: { personId: identity.personId } }),
    replies: await db.prisma.outbox.count({ where: { recipient: identity.personId, kind: "reply" } }),
    events: await db.prisma.inboundEvent.count(),
  };
}

const SORRY = t("da", "common.unavailable");
const ROLE_NEXT = t("da", "mentee.consent");

interface Platform {
  name: string;
  received(): string[];
  /** Sends the first message; returns the HTTP status. */
  first(): Promise<number>;
  /** Builds the button press once; each call delivers that same update again. */
  press(action: string): () => Promise<number>;
}

const platforms = (): Platform[] => {
  const tgUser = { id: 7101, is_bot: false, first_name: "G", language_code: "da" };
  const chat = { id: 7101, type: "private", first_name: "G" };
  const slackUrl = () => `${rig.platforms.url}${SLACK_EVENTS_PATH}`;
  const teamsPost = async (activity: Record<string, unknown>) => {
    const token = rig.teams.mint({ aud: APP_ID, serviceurl: rig.teams.serviceUrl });
    const res = await fetch(`${rig.platforms.url}${TEAMS_MESSAGES_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    await res.text();
    return res.status;
  };
  const teamsActivity = (id: string, fields: Record<string, unknown>) => ({
    type: "message",
    id,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: rig.teams.serviceUrl,
    locale: "da-DK",
    from: { id: "29:gone", name: "Gone Test", aadObjectId: "aad-gone" },
    conversation: { id: "a:personal-gone", conversationType: "personal", tenantId: "tenant-1" },
    recipient: { id: `28:${APP_ID}`, name: "Mentorbro" },
    ...fields,
  });
  return [
    {
      name: "telegram",
      received: () => rig.telegram.received(7101),
      first: () => rig.tg.deliver({ update_id: 71001, message: { message_id: 1, date: 0, chat, from: tgUser, text: "hej" } }),
      press(action) {
        const msg = [...rig.tg.rendered].reverse().find((r) => r.target === "7101" && r.buttons.some((b) => b.action === action))!;
        const update = {
          update_id: 71002,
          callback_query: {
            id: "cb-gone",
            from: tgUser,
            chat_instance: "ci",
            data: action,
            message: { message_id: msg.messageId, date: 0, chat, text: msg.text },
          },
        };
        return () => rig.tg.deliver(update);
      },
    },
    {
      name: "slack",
      received: () => rig.slackUser.received("U7102GONE"),
      first: () => rig.slackUser.text("U7102GONE", "hej"),
      press(action) {
        const msg = [...rig.slack.rendered].reverse().find((r) => r.target === dmOf("U7102GONE") && r.buttons.some((b) => b.action === action))!;
        const i = msg.buttons.findIndex((b) => b.action === action);
        const payload = blockAction("U7102GONE", msg, { action_id: `mentorbro:btn:${i}`, value: action, label: msg.buttons[i]?.label ?? "" });
        const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
        return async () => (await rig.slack.post(slackUrl(), body, "application/x-www-form-urlencoded", SLACK_SECRET)).status;
      },
    },
    {
      name: "teams",
      received: () => rig.teamsUser.received("gone"),
      first: () => teamsPost(teamsActivity("gone-1", { text: "hej" })),
      press(action) {
        const activity = teamsActivity("gone-2", { value: { action } });
        return () => teamsPost(activity);
      },
    },
  ];
};

describe("the database connection goes away mid-message (PostgreSQL)", () => {
  it("tells the person once, answers the platform with a retryable status, writes nothing; the redelivery is processed once", async () => {
    for (const p of platforms()) {
      expect(await p.first(), p.name).toBe(200);
      const externalId = (await db.prisma.identity.findFirstOrThrow({ where: { platform: p.name }, orderBy: { createdAt: "desc" } })).externalId;
      const before = await trace(externalId);
      const redeliver = p.press("role:mentee");
      armed = true;
      const status = await redeliver();
      expect(status, p.name).toBeGreaterThanOrEqual(500);
      expect(armed, `${p.name}: the cut happened`).toBe(false);
      expect(p.received().at(-1), p.name).toBe(SORRY);
      expect(await trace(externalId), `${p.name}: nothing of the step was written`).toEqual(before);

      // The platform delivers the same update again (twice: a retry storm must not double it).
      expect(await redeliver(), p.name).toBe(200);
      await redeliver();
      const after = await trace(externalId);
      expect(after.seq, p.name).toBe(before.seq + 1);
      expect(after.events, p.name).toBe(before.events + 1);
      const tail = p.received().slice(p.received().lastIndexOf(SORRY) + 1);
      expect(tail, `${p.name}: answered exactly once`).toEqual([ROLE_NEXT]);
      expect(
        p.received().filter((r) => r === SORRY),
        `${p.name}: told once`,
      ).toHaveLength(1);
    }
    expect(killed).toBe(3);
  });
});

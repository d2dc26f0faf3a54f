// A new platform is its folder plus one entry in the list: this test adds a made-up one ("chatapp")
// to the real list and checks that configuration, the enabled list, ALERT_TARGET, send limits, the
// server's routes and sending all follow from its descriptor alone.
import { afterAll, describe, expect, it } from "vitest";
import pino from "pino";
import { z } from "zod";
import { PLATFORMS } from "../../adapters/platforms.js";
import { describePlatform, type PlatformDescriptor } from "../../adapters/platform.js";
import { createPlatforms } from "../../adapters/start-platforms.js";
import { configKeys, enabledPlatforms, loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { FixedClock } from "../../src/core/clock.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { parseRateLimits } from "../../src/infra/outbox/rate-limit.js";
import { openTestDb } from "../helpers/test-db.js";
import { readBody } from "../../adapters/http/body.js";

const sent: OutboundMessage[] = [];

const chatApp = describePlatform({
  name: "chatapp",
  env: { CHATAPP_TOKEN: z.string().regex(/^ca-/, { message: "expected a token starting with ca-" }).optional() },
  enabled: (c) => !!c.CHATAPP_TOKEN,
  sendLimit: { perSecond: 3, burst: 2 },
  alertTarget: { pattern: /^chatapp:room:\d+$/, example: "chatapp:room:<id>" },
  create: async (_c, ctx) => ({
    channel: { platform: "chatapp", send: async (m) => void sent.push(m) },
    start: async () => undefined,
    stop: async () => undefined,
    routes: [
      {
        method: "POST",
        path: "/chatapp",
        async handler(req, res) {
          const body = JSON.parse((await readBody(req, 10_000)).toString()) as { from: string; text: string; id: string };
          await ctx.core.handle({ from: `chatapp:${body.from}`, text: body.text, eventId: body.id, conversation: "direct" }, async (m) => void sent.push(m));
          res.writeHead(200).end();
        },
      },
    ],
  }),
});

const LIST: readonly PlatformDescriptor[] = [...PLATFORMS, chatApp];
const base = { COORDINATOR_INVITE_CODE: "own-code-2026-x" };

describe("a platform added to the list", () => {
  it("brings its variables, its enabled check, its alert channel form and its send limit", () => {
    expect(configKeys(LIST)).toContain("CHATAPP_TOKEN");
    expect(() => loadConfig({ CHATAPP_TOKEN: "wrong" }, LIST)).toThrow(/CHATAPP_TOKEN: expected a token starting with ca-/);
    const config = loadConfig({ ...base, CHATAPP_TOKEN: "ca-1", ALERT_TARGET: "chatapp:room:7" }, LIST);
    expect(enabledPlatforms(config, LIST)).toEqual(["chatapp"]);
    expect(() => loadConfig({ ...base, ALERT_TARGET: "chatapp:room:7" }, LIST)).toThrow(/ALERT_TARGET: chatapp is not connected/);
    expect(() => loadConfig({ ...base, CHATAPP_TOKEN: "ca-1", ALERT_TARGET: "#x" }, LIST)).toThrow(/or chatapp:room:<id>/);
    // Without the entry, the same variable means nothing and the target is refused.
    expect(configKeys(PLATFORMS)).not.toContain("CHATAPP_TOKEN");
    expect(() => loadConfig({ ...base, ALERT_TARGET: "chatapp:room:7" }, PLATFORMS)).toThrow(/ALERT_TARGET: expected/);
    const limits = parseRateLimits(undefined, Object.fromEntries(LIST.map((p) => [p.name, p.sendLimit])));
    expect(limits.chatapp).toEqual({ perSecond: 3, burst: 2 });
  });

  const db = openTestDb();
  afterAll(async () => (await db).close());

  it("is created, mounted on the one server and answered through, with nothing else changed", async () => {
    const database = await db;
    const config = loadConfig({ ...base, CHATAPP_TOKEN: "ca-1", HTTP_PORT: "0" }, LIST);
    const late: { handle?: ReturnType<typeof createApp>["core"]["handle"] } = {};
    const platforms = await createPlatforms({
      config,
      core: { handle: (e, d) => late.handle!(e, d) },
      ping: () => database.ping(),
      onError: () => undefined,
      platforms: LIST,
    });
    expect(platforms.names).toEqual(["chatapp"]);
    const app = createApp({
      db: database.prisma,
      clock: new FixedClock(new Date("2026-12-01T10:00:00Z")),
      logger: pino({ level: "silent" }),
      channels: platforms.channels,
      defaultLocale: "da",
      codes: { coordinator: base.COORDINATOR_INVITE_CODE },
    });
    late.handle = app.core.handle;
    await platforms.start();
    try {
      const res = await fetch(`${platforms.url}/chatapp`, { method: "POST", body: JSON.stringify({ from: "u1", text: "hej", id: "e1" }) });
      expect(res.status).toBe(200);
      expect(sent.length).toBeGreaterThan(0);
      expect(sent[0]!.to).toBe("chatapp:u1");
      const identity = await database.prisma.identity.findUniqueOrThrow({ where: { externalId: "chatapp:u1" } });
      expect(identity.platform).toBe("chatapp");
    } finally {
      await platforms.stop();
    }
  });
});

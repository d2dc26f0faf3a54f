// 10,000 random and hostile messages: huge, binary, control characters, right-to-left text, emoji
// floods, SQL and markup injection, commands at random. The pure conversation core takes all
// 10,000; the full core with its database takes 1,000 of them. Zero crashes, a clear reply each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { route, type ConvoData } from "../../src/conversation/router.js";
import type { FlowInput } from "../../src/flows/types.js";
import type { InboundEvent } from "../../src/core/messages.js";
import { t } from "../../src/i18n/index.js";
import { createBotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const HOSTILE = [
  "'; DROP TABLE \"Person\"; --",
  "<script>alert('x')</script>",
  "{{7*7}} ${process.exit(1)}",
  "\u202Egnp.exe",
  "مرحبا، أريد مرشدا",
  "🔥".repeat(2000),
  "\u0000\u0001\u0002\u001b[2J",
  "/delete",
  "slet mine data",
  "/status",
  "hjælp",
  "tilbage",
  "forfra",
  "pause",
  "sprog",
  "koordinator",
  "ja",
  "nej",
  "1",
  "99",
  "-1",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "%s%s%s%n",
  "../../../etc/passwd",
  "a".repeat(100_000),
];
const ACTIONS = ["yes", "no", "skip", "multi:done", "opt:1", "opt:cv", "opt:__proto__", "summary:confirm", "summary:change", "edit:name", "edit:nope", "lang:da", "lang:en", "lang:xx", "role:mentee", "role:mentor", "role:coordinator", "role:admin", "cmd:back", "cmd:help", "delete:no", "prop:ok:x", "off:y:x", "off:r:x:other", "esc:ack:x", "chk:y:x", ":", "x".repeat(300)];

function randomInput(r: () => number): { text?: string; action?: string; media?: InboundEvent["media"] } {
  const k = r();
  if (k < 0.3) return { text: HOSTILE[Math.floor(r() * HOSTILE.length)]! };
  if (k < 0.55) return { action: ACTIONS[Math.floor(r() * ACTIONS.length)]! };
  if (k < 0.6) return { media: "sticker" };
  const len = Math.floor(r() * (r() < 0.1 ? 6000 : 40));
  let s = "";
  for (let i = 0; i < len; i++) s += String.fromCodePoint(r() < 0.8 ? 32 + Math.floor(r() * 95) : Math.floor(r() * 0x2fff));
  return { text: s };
}

describe("fuzzing", () => {
  it("the pure core answers 10,000 random and hostile messages without a crash", () => {
    const r = rng(7);
    const convos = new Map<number, ConvoData>();
    const people = new Map<number, { locale: "da" | "en"; roles: string[] }>();
    for (let i = 0; i < 10_000; i++) {
      const who = Math.floor(r() * 40);
      const input = randomInput(r);
      const flowInput: FlowInput = input.action ? { kind: "action", action: input.action } : input.media ? { kind: "media" } : { kind: "text", text: input.text! };
      const person = people.get(who) ?? { locale: "da", roles: [] };
      const res = route({ person, convo: convos.get(who) ?? { mode: "new" }, input: flowInput, now: new Date("2026-11-24T10:00:00Z"), codes: { coordinator: "coord-secret" } });
      expect(res.replies.length, `message ${i}`).toBeGreaterThan(0);
      for (const reply of res.replies) expect(reply.text.trim().length).toBeGreaterThan(0);
      for (const e of res.effects) if (e.type === "set_locale") person.locale = e.locale;
      people.set(who, person);
      convos.set(who, JSON.parse(JSON.stringify(res.convo)) as ConvoData);
    }
  });

  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => db.close());

  it("the full core with its database answers 1,000 of them", async () => {
    const bot = await createBotHarness(db);
    const r = rng(11);
    for (let i = 0; i < 1_000; i++) {
      const input = randomInput(r);
      const replies = await bot.app.core.handle({ from: `console:fuzz${Math.floor(r() * 20)}`, ...input });
      expect(replies.length, `message ${i}`).toBeGreaterThan(0);
      // A clear reply, never the "something went wrong" fallback.
      expect(replies.every((m) => m.text.length > 0 && m.text !== t("da", "common.error") && m.text !== t("en", "common.error")), `message ${i}`).toBe(true);
    }
    expect(await db.prisma.person.count()).toBe(20);
  }, 300_000);
});

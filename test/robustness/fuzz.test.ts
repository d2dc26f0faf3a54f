// Requirement: "a fuzz run of 10,000 random and hostile messages (huge, binary, control characters,
// right-to-left text, emoji floods, SQL and markup injection, commands at random) produces zero
// crashes and a clear reply to each". All 10,000 go through the full core with its database in
// fuzz-core-1/2.test.ts (4 shards, generator in fuzz-input.ts). This file runs the same generator
// through the pure router too: cheap (seconds), and a crash there points straight at the logic.
import { describe, expect, it } from "vitest";
import { route, type ConvoData } from "../../src/core/conversation/router.js";
import { signupCatalog } from "../../src/core/conversation/signup.js";
import { SIGNUPS } from "../../src/capabilities/onboarding/index.js";
import type { FlowInput } from "../../src/core/flows/types.js";
import { t } from "../../src/core/i18n/index.js";
import { LEAK, SHARDS, leakTokens, randomMessage, rng } from "./fuzz-input.js";

const signups = signupCatalog(SIGNUPS);

describe("fuzzing", () => {
  it("the full-core shards add up to 10,000 messages, each with its own seed", () => {
    expect(SHARDS.reduce((n, s) => n + s.count, 0)).toBe(10_000);
    expect(new Set(SHARDS.map((s) => s.seed)).size).toBe(SHARDS.length);
  });

  it("the pure router answers 10,000 random and hostile messages without a crash", () => {
    const r = rng(7);
    const convos = new Map<number, ConvoData>();
    const people = new Map<number, { locale: "da" | "en"; roles: string[] }>();
    const typed = new Map<number, Set<string>>();
    const errors = [t("da", "common.error"), t("en", "common.error")];
    for (let i = 0; i < 10_000; i++) {
      const who = Math.floor(r() * 40);
      const m = randomMessage(r);
      // As the service's toInput() does: a form submission without text reads as empty text.
      const input: FlowInput =
        m.action !== undefined ? { kind: "action", action: m.action } : m.media ? { kind: "media" } : { kind: "text", text: m.text ?? "" };
      const mine = typed.get(who) ?? new Set();
      for (const tok of leakTokens(m.text, m.action)) mine.add(tok);
      typed.set(who, mine);
      const person = people.get(who) ?? { locale: "da", roles: [] };
      const res = route({
        person,
        convo: convos.get(who) ?? { mode: "new" },
        input,
        now: new Date("2026-11-24T10:00:00Z"),
        signups,
        codes: { coordinator: "coord-secret" },
      });
      expect(res.replies.length, `message ${i}`).toBeGreaterThan(0);
      for (const reply of res.replies) {
        expect(reply.text.trim().length, `message ${i}`).toBeGreaterThan(0);
        expect(errors, `message ${i}`).not.toContain(reply.text);
        // Unfilled placeholders or leaked JavaScript values, unless the person typed them (an echo).
        for (const leak of reply.text.matchAll(LEAK)) expect(mine.has(leak[0]), `message ${i} leaks ${leak[0]}: ${reply.text.slice(0, 200)}`).toBe(true);
      }
      for (const e of res.effects) if (e.type === "set_locale") person.locale = e.locale;
      people.set(who, person);
      // Stored as JSON between messages, as the service does.
      convos.set(who, JSON.parse(JSON.stringify(res.convo)) as ConvoData);
    }
  });
});

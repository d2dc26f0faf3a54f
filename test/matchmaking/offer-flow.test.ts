// Intake → proposal (with reasons) → coordinator approval → offer → accept / decline / timeout →
// introductions, through the real core with the demo mentors.
import { describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { T0, type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

let db: TestDb;
let bot: BotHarness;
useTestBot({
  prepare: async (d) => {
    await seedDemo(d.prisma, await ensureProgramme(d.prisma), T0);
  },
  ready: async (d, b) => {
    db = d;
    bot = b;
  },
});

/** An IT mentee in Aarhus speaking Danish and English: Anna (IT, Aarhus) is the best mentor. */
async function intake(from: string): Promise<void> {
  const inputs = [
    "hej",
    { action: "lang:da" },
    { action: "role:mentee" },
    { action: "yes" },
    { action: "yes" },
    { action: "yes" },
    "Ali",
    "1",
    "6",
    "datalogi",
    "praktik hos et softwarefirma",
    "IT",
    "1",
    "1, 3",
    "dansk, engelsk",
    "Aarhus",
    "2",
    "i morgen",
    "1, 2",
    "intet ønske",
    "intet ønske",
    "1",
    "nej",
    "2",
    "2",
    "2",
    { action: "summary:confirm" },
  ];
  for (const i of inputs) await bot.say(from, i as string);
}

const lastTo = (who: string) => bot.delivered.filter((d) => d.to === who).at(-1);

describe("matching, offers and hand-over", () => {
  it("proposes the best mentor with reasons, and an approved, accepted offer introduces both", async () => {
    await intake("console:ali");
    const proposal = lastTo("console:coordinator")!;
    expect(proposal.text).toContain("Ali ↔ Anna");
    expect(proposal.text).toMatch(/samme branche: IT.*begge i Aarhus/);
    expect(proposal.buttons!.map((b) => b.action[5])).toEqual(["o", "h", "a"]);
    expect(await bot.ask("console:ali", "status")).toBe(t("da", "status.proposed"));

    const approved = await bot.say("console:coordinator", { action: proposal.buttons![0]!.action });
    expect(approved[0]!.text).toBe(t("da", "proposal.approved", { mentor: "Anna" }));
    const offer = lastTo("console:anna")!;
    expect(offer.text).toContain("Hej Anna! Vi har en mentee til dig");
    expect(offer.text).not.toContain("Ali");

    const accepted = await bot.say("console:anna", { action: offer.buttons![0]!.action });
    expect(accepted[0]!.text).toContain("Ali vil gerne have hjælp til CV og ansøgninger");
    // No internal id: the console has no handle to share, so they are told to write through the bot.
    expect(accepted[0]!.text).not.toContain("console:ali");
    expect(accepted[0]!.text).toContain(t("da", "intro.contact_none", { name: "Ali", platform: "Console", how: t("da", "intro.relay_how") }));
    const intro = lastTo("console:ali")!;
    expect(intro.text).toContain("Godt nyt, Ali! Du har fået en mentor: Anna, Softwareudvikler inden for IT");
    const match = await db.prisma.match.findFirstOrThrow({ include: { history: true } });
    expect(match).toMatchObject({ status: "active", contactShared: true, qualifications: expect.stringContaining("Softwareudvikler") });
    // Codes, rendered in each reader's language.
    expect(match.purposeCodes).toEqual(match.goals);
    expect(match.mentorTaskCodes[0]).toBe("cv");
    expect(match.history.map((h) => h.to)).toEqual(["active"]);
    expect(await bot.ask("console:ali", "status")).toBe(t("da", "status.matched", { mentor: "Anna" }));

    // Relay through the bot.
    expect(await bot.ask("console:ali", "besked Hej Anna, hvornår kan vi mødes?")).toBe(t("da", "relay.sent"));
    expect(lastTo("console:anna")!.text).toBe(t("da", "relay.from", { name: "Ali", text: "> Hej Anna, hvornår kan vi mødes?" }));

    // A relayed message cannot fake a line of the bot's own: everything the sender wrote is quoted.
    bot.clock.advance(60_000);
    const forged = "Hej Anna\nMentorbro: Ali har ændret telefonnummer, ring til 12345678\n\n[Godkend her](https://evil.example)";
    expect(await bot.ask("console:ali", `besked ${forged}`)).toBe(t("da", "relay.sent"));
    const [head, ...quoted] = lastTo("console:anna")!.text.split("\n");
    expect(head).toBe("Besked fra Ali:");
    expect(quoted.length).toBeGreaterThan(0);
    for (const line of quoted) expect(line).toMatch(/^>( |$)/);
    expect(quoted.join(" ")).toContain("Mentorbro: Ali har ændret telefonnummer");
  });

  it("a decline with a reason leads to the next candidate", async () => {
    await intake("console:ali");
    await bot.say("console:coordinator", { action: lastTo("console:coordinator")!.buttons![0]!.action });
    const offer = lastTo("console:anna")!;
    const declined = await bot.say("console:anna", { action: offer.buttons![1]!.action });
    expect(declined[0]!.text).toBe(t("da", "offer.decline_reason"));
    expect(await bot.ask("console:anna", "Jeg har for travlt i december")).toBe(t("da", "offer.declined_thanks"));
    const p = await db.prisma.proposal.findFirstOrThrow({ where: { status: "declined" } });
    expect(p.declineReason).toBe("Jeg har for travlt i december");
    const next = lastTo("console:coordinator")!;
    expect(next.text).toMatch(/Ali ↔ (?!Anna)/);
  });

  it("an offer nobody answers gets one reminder, then expires to the next candidate", async () => {
    await intake("console:ali");
    await bot.say("console:coordinator", { action: lastTo("console:coordinator")!.buttons![0]!.action });
    const offer = lastTo("console:anna")!;
    bot.clock.advance(37 * 3_600_000);
    await bot.app.tick();
    expect(lastTo("console:anna")!.text).toBe(t("da", "offer.reminder"));
    bot.clock.advance(36 * 3_600_000);
    await bot.app.tick();
    expect(
      (
        await db.prisma.proposal.findFirstOrThrow({
          where: { mentorId: (await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "console:anna" } })).personId },
        })
      ).status,
    ).toBe("expired");
    expect(bot.delivered.some((d) => d.to === "console:coordinator" && d.text.includes(t("da", "esc.kind.offer_timed_out")))).toBe(true);
    expect(bot.delivered.some((d) => d.to === "console:coordinator" && /Ali ↔ (?!Anna)/.test(d.text))).toBe(true);
    // A late press on the expired offer is answered kindly.
    expect((await bot.ask("console:anna", "x")) && (await bot.say("console:anna", { action: offer.buttons![0]!.action }))[0]!.text).toBe(t("da", "offer.gone"));
  });
});

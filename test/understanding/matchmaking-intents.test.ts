// What mentees and mentors write in their own words reaches matchmaking: their status, a message to
// the partner (shown back and sent only on "Send"), a new mentor, a mentor's holiday or illness
// (the last day said in words and set only on "Ja"). Real free text through the real bot, Danish and
// English; where the recogniser is unsure it asks "Mente du …?" and the person presses Yes.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/core/i18n/index.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { T0, type BotHarness } from "../helpers/bot-harness.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";
import { seedPerson } from "../checkins/seed.js";

let db: TestDb;
let bot: BotHarness;
useTestBot({
  ready: (d, b) => {
    db = d;
    bot = b;
  },
});

const DAY = 864e5;
const k = (l: Locale, key: string, p: Record<string, string | number> = {}) => t(l, key, p);

interface World {
  programmeId: string;
  /** Active mentor (room for 2) with Sara. */
  anna: { id: string; from: string };
  /** Mentee in an active mentorship with Anna. */
  sara: { id: string; from: string };
  /** Mentor who just signed up: waiting for approval, no mentees. */
  lars: { id: string; from: string };
  /** Mentee who just signed up: waiting for a mentor. */
  noor: { id: string; from: string };
  kim: { id: string; from: string };
  saraMatch: string;
}

/** Everyone idle after signing up: a coordinator, two mentors, two mentees, one mentorship. */
async function world(l: Locale): Promise<World> {
  const p = db.prisma;
  const programmeId = await ensureProgramme(p);
  const person = async (name: string, roles: string[]) => {
    const s = await seedPerson(p, name, roles, l);
    return { id: s.id, from: s.externalId };
  };
  const kim = await person("Kim", ["coordinator"]);
  const anna = await person("Anna", ["mentor"]);
  const lars = await person("Lars", ["mentor"]);
  const sara = await person("Sara", ["mentee"]);
  const noor = await person("Noor", ["mentee"]);
  await p.mentorProfile.create({ data: { personId: anna.id, programmeId, status: "active", approvedAt: new Date(T0.getTime() - 60 * DAY), capacity: 2 } });
  await p.mentorProfile.create({ data: { personId: lars.id, programmeId, status: "pending", capacity: 1 } });
  await p.menteeProfile.create({ data: { personId: sara.id, programmeId, status: "matched", goals: ["job"] } });
  await p.menteeProfile.create({ data: { personId: noor.id, programmeId, status: "waiting", waitingSince: new Date(T0.getTime() - 3 * DAY) } });
  const m = await p.match.create({
    data: { programmeId, menteeId: sara.id, mentorId: anna.id, startedAt: new Date(T0.getTime() - 20 * DAY), endsAt: new Date(T0.getTime() + 160 * DAY) },
  });
  return { programmeId, anna, sara, lars, noor, kim, saraMatch: m.id };
}

const texts = (out: OutboundMessage[]) => out.map((m) => m.text).join("\n---\n");
const actions = (out: OutboundMessage[]) => out.flatMap((m) => (m.buttons ?? []).map((b) => b.action));
const deliveredTo = (from: string) => bot.delivered.filter((d) => d.to === from).map((d) => d.text);

/**
 * Sends free text; if the bot asks "Mente du …?" (an unsure reading), presses Yes. Returns the
 * answer to the message itself and whether it had to be confirmed.
 */
async function write(from: string, text: string): Promise<{ out: OutboundMessage[]; asked: boolean }> {
  const first = await bot.say(from, text);
  if (!actions(first).includes("und:yes")) return { out: first, asked: false };
  return { out: await bot.say(from, { action: "und:yes" }), asked: true };
}

async function press(from: string, action: string): Promise<OutboundMessage[]> {
  return bot.say(from, { action });
}

describe.each(["da", "en"] as const)("matchmaking intents (%s)", { timeout: 120_000 }, (l) => {
  const da = l === "da";

  describe("status", () => {
    it("a mentee just signed up hears their place in the queue; one with a mentor hears the mentor's name", async () => {
      const w = await world(l);
      const waiting = await write(w.noor.from, da ? "hvad er min status" : "what is my status");
      expect(texts(waiting.out)).toBe(k(l, "status.waiting_position", { position: 1, total: 1, estimate: k(l, "status.estimate_none") }));
      const matched = await write(w.sara.from, da ? "hvad er min status?" : "what's my status?");
      expect(texts(matched.out)).toBe(k(l, "status.matched", { mentor: "Anna" }));
    });

    it("a mentor just signed up: waiting for approval, no mentees, room for one, nothing to answer", async () => {
      const w = await world(l);
      const r = await write(w.lars.from, da ? "har I en mentee til mig?" : "do you have a mentee for me?");
      expect(texts(r.out)).toBe(
        [k(l, "mentorstatus.pending"), k(l, "mentorstatus.mentees_none"), k(l, "mentorstatus.places", { free: 1, capacity: 1 })].join("\n"),
      );
      expect(actions(r.out)).toEqual([]);
    });

    it("an active mentor: their mentee by first name, the room left, and an open offer with its buttons", async () => {
      const w = await world(l);
      await db.prisma.menteeProfile.update({ where: { personId: w.noor.id }, data: { status: "proposed", industries: ["it"], municipality: "aarhus" } });
      const offer = await db.prisma.proposal.create({
        data: { programmeId: w.programmeId, menteeId: w.noor.id, mentorId: w.anna.id, score: 10, status: "offered", offeredAt: T0 },
      });
      const r = await write(w.anna.from, da ? "hvad er min status" : "what is my status");
      expect(r.out[0]!.text).toBe(
        [
          k(l, "mentorstatus.active"),
          k(l, "mentorstatus.mentees_one", { count: 1, names: "Sara" }),
          k(l, "mentorstatus.places", { free: 1, capacity: 2 }),
          k(l, "mentorstatus.offer_one"),
        ].join("\n"),
      );
      expect(r.out[1]!.text).toContain(da ? "Hej Anna! Vi har en mentee til dig" : "Hi Anna! We have a mentee for you");
      expect(r.out[1]!.text).not.toContain("Noor");
      expect(actions(r.out)).toEqual([`off:y:${offer.id}`, `off:n:${offer.id}`]);
      // The buttons are the offer's own: declining asks for the reason as always.
      expect(texts(await press(w.anna.from, `off:n:${offer.id}`))).toBe(k(l, "offer.decline_reason"));
      expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("declined");
    });

    it("a mentor with two mentees and no room; typed “status” answers the same", async () => {
      const w = await world(l);
      const omar = await seedPerson(db.prisma, "Omar", ["mentee"], l);
      await db.prisma.match.create({
        data: { programmeId: w.programmeId, menteeId: omar.id, mentorId: w.anna.id, startedAt: T0, endsAt: new Date(T0.getTime() + 180 * DAY) },
      });
      const expected = [
        k(l, "mentorstatus.active"),
        k(l, "mentorstatus.mentees_many", { count: 2, names: `Sara ${k(l, "mentorstatus.and")} Omar` }),
        k(l, "mentorstatus.places_none", { capacity: 2 }),
      ].join("\n");
      expect(texts((await write(w.anna.from, da ? "hvad er min status" : "what is my status")).out)).toBe(expected);
      expect(texts(await bot.say(w.anna.from, "status"))).toBe(expected);
    });

    it("a mentor a coordinator paused: until which day, and by whom", async () => {
      const w = await world(l);
      await press(w.kim.from, `co:pm:${w.anna.id}:30`);
      const r = await write(w.anna.from, da ? "hvad er min status" : "what is my status");
      const day = da ? "torsdag 24. december" : "Thursday 24 December";
      expect(r.out[0]!.text.split("\n")[0]).toBe(k(l, "mentorstatus.paused_by", { name: "Kim", day }));
      expect(r.out[0]!.text).toContain(k(l, "mentorstatus.mentees_one", { count: 1, names: "Sara" }));
    });
  });

  describe("relay", () => {
    it("a mentee's message is shown quoted, and sent to the mentor on Send", async () => {
      const w = await world(l);
      const msg = da ? "jeg er forsinket" : "I am late";
      const r = await write(w.sara.from, da ? `sig til min mentor at ${msg}` : `tell my mentor that ${msg}`);
      expect(texts(r.out)).toBe(k(l, "relay.confirm", { name: "Anna", text: `> ${msg}` }));
      expect(actions(r.out)).toEqual(["relay:send", "relay:cancel"]);
      expect(deliveredTo(w.anna.from)).toEqual([]);
      expect(texts(await press(w.sara.from, "relay:send"))).toBe(k(l, "relay.sent_to", { name: "Anna" }));
      expect(deliveredTo(w.anna.from)).toEqual([k(l, "relay.from", { name: "Sara", text: `> ${msg}` })]);
    });

    it("a mentor tells their mentee; “ja” typed sends it", async () => {
      const w = await world(l);
      const r = await write(w.anna.from, da ? "sig til min mentee at jeg ikke kan komme i morgen" : "tell my mentee I can't come tomorrow");
      const msg = da ? "jeg ikke kan komme i morgen" : "I can't come tomorrow";
      expect(texts(r.out)).toBe(k(l, "relay.confirm", { name: "Sara", text: `> ${msg}` }));
      expect(texts(await bot.say(w.anna.from, da ? "ja" : "yes"))).toBe(k(l, "relay.sent_to", { name: "Sara" }));
      expect(deliveredTo(w.sara.from)).toEqual([k(l, "relay.from", { name: "Anna", text: `> ${msg}` })]);
    });

    it("a cancelled confirmation sends nothing", async () => {
      const w = await world(l);
      await write(w.sara.from, da ? "sig til min mentor at jeg er forsinket" : "tell my mentor that I am late");
      expect(texts(await press(w.sara.from, "relay:cancel"))).toBe(k(l, "relay.cancelled"));
      expect(deliveredTo(w.anna.from)).toEqual([]);
      // Back where they were: the next message is read afresh, not taken as a message to send.
      expect(texts((await write(w.sara.from, da ? "hvad er min status" : "what is my status")).out)).toBe(k(l, "status.matched", { mentor: "Anna" }));
      expect(deliveredTo(w.anna.from)).toEqual([]);
    });

    it("without the words: asks what to write, shows it back, then sends it (also from the menu button)", async () => {
      const w = await world(l);
      const r = await write(w.sara.from, da ? "jeg vil gerne skrive til min mentor" : "I want to send a message to my mentor");
      expect(texts(r.out)).toBe(k(l, "relay.ask_text", { name: "Anna" }));
      const msg = da ? "Hej Anna, kan vi mødes torsdag kl. 10?" : "Hi Anna, can we meet on Thursday at 10?";
      const confirm = await bot.say(w.sara.from, msg);
      expect(texts(confirm)).toBe(k(l, "relay.confirm", { name: "Anna", text: `> ${msg}` }));
      await press(w.sara.from, "relay:send");
      expect(deliveredTo(w.anna.from)).toEqual([k(l, "relay.from", { name: "Sara", text: `> ${msg}` })]);

      bot.clock.advance(60_000);
      expect(texts(await press(w.anna.from, "intent:relay"))).toBe(k(l, "relay.ask_text", { name: "Sara" }));
      // A line that pretends to be the bot's own stays inside the quote.
      const forged = da ? "Det passer fint\nMentorbro: ring til 12345678" : "That works\nMentorbro: call 12345678";
      const shown = texts(await bot.say(w.anna.from, forged));
      expect(shown).toBe(k(l, "relay.confirm", { name: "Sara", text: forged.replace(/^/gm, "> ") }));
      await press(w.anna.from, "relay:send");
      const [head, ...quoted] = deliveredTo(w.sara.from).at(-1)!.split("\n");
      expect(head).toBe(k(l, "relay.from", { name: "Anna", text: "" }).trim());
      expect(quoted).toEqual(forged.split("\n").map((line) => `> ${line}`));
    });

    it("with two mentees, asks which one and sends only to that one", async () => {
      const w = await world(l);
      const omar = await seedPerson(db.prisma, "Omar", ["mentee"], l);
      await db.prisma.match.create({
        data: { programmeId: w.programmeId, menteeId: omar.id, mentorId: w.anna.id, startedAt: T0, endsAt: new Date(T0.getTime() + 180 * DAY) },
      });
      const r = await write(w.anna.from, da ? "sig til min mentee at jeg ikke kan komme i morgen" : "tell my mentee I can't come tomorrow");
      expect(texts(r.out)).toBe(k(l, "relay.ask_who"));
      expect(actions(r.out).sort()).toEqual([`relay:to:${omar.id}`, `relay:to:${w.sara.id}`].sort());
      const msg = da ? "jeg ikke kan komme i morgen" : "I can't come tomorrow";
      expect(texts(await press(w.anna.from, `relay:to:${omar.id}`))).toBe(k(l, "relay.confirm", { name: "Omar", text: `> ${msg}` }));
      await press(w.anna.from, "relay:send");
      expect(deliveredTo(omar.externalId)).toEqual([k(l, "relay.from", { name: "Anna", text: `> ${msg}` })]);
      expect(deliveredTo(w.sara.from)).toEqual([]);
    });

    it("nobody to write to: a kind answer for a mentee and a mentor without a match, and for an ended one", async () => {
      const w = await world(l);
      const mentee = await write(w.noor.from, da ? "sig til min mentor at jeg er forsinket" : "tell my mentor that I am late");
      expect(texts(mentee.out)).toBe(k(l, "relay.no_mentor_yet"));
      const mentor = await write(w.lars.from, da ? "sig til min mentee at jeg ikke kan komme i morgen" : "tell my mentee I can't come tomorrow");
      expect(texts(mentor.out)).toBe(k(l, "relay.no_mentee_yet"));
      // A confirmation left open while the mentorship ends: "ended", nothing sent.
      await write(w.sara.from, da ? "sig til min mentor at jeg er forsinket" : "tell my mentor that I am late");
      await db.prisma.match.update({ where: { id: w.saraMatch }, data: { status: "ended", endedAt: T0 } });
      expect(texts(await press(w.sara.from, "relay:send"))).toBe(k(l, "relay.ended"));
      expect(texts((await write(w.sara.from, da ? "sig til min mentor at jeg er forsinket" : "tell my mentor that I am late")).out)).toBe(k(l, "relay.ended"));
      expect(bot.delivered.filter((d) => d.text.startsWith(k(l, "relay.from", { name: "", text: "" }).slice(0, 6)))).toEqual([]);
    });
  });

  describe("new mentor", () => {
    it("a mentee with a mentor is asked to confirm; yes reaches a coordinator, and the mentor is not told", async () => {
      const w = await world(l);
      const r = await write(w.sara.from, da ? "jeg vil gerne have en anden mentor" : "I would like a different mentor");
      expect(texts(r.out)).toBe(k(l, "newmentor.confirm"));
      expect(actions(r.out)).toEqual(["yes", "no"]);
      expect(texts(await press(w.sara.from, "yes"))).toBe(k(l, "newmentor.done"));
      const esc = await db.prisma.escalation.findMany({ where: { kind: "new_mentor_requested" } });
      expect(esc).toHaveLength(1);
      expect(esc[0]).toMatchObject({ personId: w.sara.id, matchId: w.saraMatch });
      expect(deliveredTo(w.anna.from)).toEqual([]);
    });

    it("cancelled, nothing happens; a mentee without a mentor hears where they stand", async () => {
      const w = await world(l);
      await write(w.sara.from, da ? "jeg vil gerne have en ny mentor" : "can I get a new mentor");
      expect(texts(await press(w.sara.from, "no"))).toBe(k(l, "newmentor.cancelled"));
      const r = await write(w.noor.from, da ? "jeg vil gerne have en anden mentor" : "I would like a different mentor");
      expect(texts(r.out)).toBe(
        `${k(l, "newmentor.no_mentor")}\n${k(l, "status.waiting_position", { position: 1, total: 1, estimate: k(l, "status.estimate_none") })}`,
      );
      expect(actions(r.out)).toEqual([]);
      expect(await db.prisma.escalation.count({ where: { kind: "new_mentor_requested" } })).toBe(0);
    });
  });

  describe("mentor pause", () => {
    /** The instant the pause ends: midnight after the last day, in Danish time (CET in winter). */
    const endOf = (last: string) => new Date(new Date(`${last}T00:00:00Z`).getTime() + DAY - 3_600_000);

    it("“three weeks” from Tuesday 24 November: holiday up to and including Tuesday 15 December, confirmed", async () => {
      const w = await world(l);
      const r = await write(w.anna.from, da ? "jeg skal på ferie de næste tre uger" : "I'm on holiday for the next three weeks");
      const day = da ? "tirsdag 15. december" : "Tuesday 15 December";
      expect(texts(r.out)).toBe(k(l, "mentorpause.confirm.holiday", { day }));
      expect(actions(r.out)).toEqual(["mpause:yes", "mpause:no"]);
      expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.anna.id } })).status).toBe("active");
      expect(texts(await press(w.anna.from, "mpause:yes"))).toBe(`${k(l, "mentorpause.wish.holiday")} ${k(l, "mentorpause.done_last", { day })}`);
      const m = await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.anna.id } });
      expect(m).toMatchObject({ status: "paused", pausedBy: "self", pausedFrom: "active", pausedUntil: endOf("2026-12-15") });
      const audit = await db.prisma.auditLog.findMany({ where: { action: "mentor.status", subjectId: w.anna.id } });
      expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ event: "pause", from: "active", to: "paused", by: "self" })]);
      expect((await db.prisma.match.findUniqueOrThrow({ where: { id: w.saraMatch } })).status).toBe("paused");
      // The status says the same day.
      const status = await write(w.anna.from, da ? "hvad er min status" : "what is my status");
      expect(status.out[0]!.text.split("\n")[0]).toBe(k(l, "mentorstatus.paused_self", { day }));
    });

    it("“sick for a week”, a mentor still waiting for approval: paused, and still waiting afterwards", async () => {
      const w = await world(l);
      const r = await write(w.lars.from, da ? "jeg er syg i en uge" : "I'm sick for a week");
      const day = da ? "tirsdag 1. december" : "Tuesday 1 December";
      expect(texts(r.out)).toBe(k(l, "mentorpause.confirm.illness", { day }));
      expect(texts(await bot.say(w.lars.from, da ? "ja" : "yes"))).toBe(
        `${k(l, "mentorpause.wish.illness")} ${k(l, "mentorpause.done_last_pending", { day })}`,
      );
      const m = await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.lars.id } });
      expect(m).toMatchObject({ status: "paused", pausedFrom: "pending", pausedUntil: endOf("2026-12-01"), approvedAt: null });
      // The pause ends after the last day, back to waiting for approval.
      bot.clock.set(new Date(endOf("2026-12-01").getTime() - 60_000));
      await bot.app.tick();
      expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.lars.id } })).status).toBe("paused");
      bot.clock.set(endOf("2026-12-01"));
      await bot.app.tick();
      expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.lars.id } })).status).toBe("pending");
    });

    it("a date named: said with its year; No asks for the date like “ferie” does", async () => {
      const w = await world(l);
      const r = await write(w.anna.from, da ? "jeg holder ferie til 3. januar" : "I'm on holiday until 3 January");
      expect(texts(r.out)).toBe(k(l, "mentorpause.confirm.holiday", { day: da ? "søndag 3. januar 2027" : "Sunday 3 January 2027" }));
      expect(texts(await press(w.anna.from, "mpause:no"))).toBe(k(l, "mentorpause.ask"));
      expect(texts(await bot.say(w.anna.from, "10/1/2027"))).toBe(k(l, "mentorpause.done", { date: "2027-01-10" }));
      expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.anna.id } })).status).toBe("paused");
    });

    it("without a period: asks for the date, as “ferie” does; a date that has passed is refused", async () => {
      const w = await world(l);
      const r = await write(w.anna.from, da ? "jeg er syg" : "I'm ill and can't meet");
      expect(texts(r.out)).toBe(k(l, "mentorpause.ask"));
      expect(texts(await bot.say(w.anna.from, "10/12/2026"))).toBe(k(l, "mentorpause.done", { date: "2026-12-10" }));

      const past = await write(w.lars.from, da ? "jeg holder ferie til 1/11/2026" : "I'm on holiday until 1/11/2026");
      expect(texts(past.out)).toBe(k(l, "mentorpause.past"));
      expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.lars.id } })).status).toBe("pending");
      // Asked again, as the typed path does: the next answer is the date.
      expect(texts(await bot.say(w.lars.from, "10/12/2026"))).toBe(k(l, "mentorpause.done_pending", { date: "2026-12-10" }));
    });

    it("a coordinator's pause is the coordinator's to change", async () => {
      const w = await world(l);
      await press(w.kim.from, `co:pm:${w.anna.id}:14`);
      const before = await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.anna.id } });
      const r = await write(w.anna.from, da ? "jeg skal på ferie de næste tre uger" : "I'm on holiday for the next three weeks");
      expect(texts(r.out)).toBe(k(l, "mentorpause.coordinator", { date: before.pausedUntil!.toISOString().slice(0, 10) }));
      expect(await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: w.anna.id } })).toEqual(before);
    });
  });
});

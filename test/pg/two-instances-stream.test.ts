// Two full instances (createApp, own worker id and channel, one clock) on one PostgreSQL database
// process the same platform stream: concurrent intakes and mentor onboarding, matching with
// coordinator approval, offers (accepted, declined, ignored until they expire) and hand-over, then
// four weeks of check-ins with answers, silence and alerts. Most events reach both instances at
// once with the same eventId; both run their jobs at the same moments. At the end: every event
// answered once, nothing delivered twice, no mentor over capacity, no answer or intake lost. Last,
// one person's two different messages handled at the same moment by the two instances.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../src/core/clock.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { periodOf } from "../../src/lib/time.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import {
  actions,
  answerCheckin,
  button,
  COORD,
  intakeInputs,
  k,
  onboardingInputs,
  scratchDatabase,
  Stream,
  type CheckinAnswer,
  type Input,
} from "./stream-rig.js";

const T0 = new Date("2026-11-24T09:00:00Z"); // a Tuesday, 10:00 in Copenhagen
const HOUR = 36e5;
const DAY = 24 * HOUR;
const MENTEES: [string, string, string][] = [
  ["Ali", "IT", "Aarhus"],
  ["Bo", "IT", "Aarhus"],
  ["Cem", "IT", "Aarhus"],
  ["Dina", "IT", "Aarhus"],
  ["Emil", "sundhed", "Odense"],
  ["Fatima", "sundhed", "Odense"],
  ["Gustav", "sundhed", "Odense"],
  ["Hana", "byggeri", "Aalborg"],
  ["Ida", "byggeri", "Aalborg"],
  ["Jamal", "transport", "København"],
  ["Karim", "transport", "København"],
  ["Lina", "finans", "Frederiksberg"],
  ["Mads", "detailhandel", "Esbjerg"],
  ["Nora", "undervisning", "Vejle"],
  ["Otto", "industri", "Herning"],
  ["Pia", "rengøring", "Bornholm"],
];
const menteeId = (name: string) => `console:mentee-${name.toLowerCase()}`;
const IGNORES_OFFERS = "console:karen"; // reminder, expiry, alert, next candidate
const DECLINES_OFFERS = "console:peter"; // declines with a reason: next candidate
// Check-in behaviour by the mentee's name: both silent (alerts; Ali's are acknowledged, Bo's are
// re-sent), the mentor silent, the mentee answering only the reminder, the mentor asking for help.
const SILENT = new Set(["Ali", "Bo"]);

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let s: Stream;
const answers: CheckinAnswer[] = [];
let helpAsked = false;
const pressed = new Set<string>();

beforeAll(async () => {
  scratch = await scratchDatabase();
  s = await Stream.open(scratch.url, new FixedClock(T0), { coordinator: "coord-secret", mentor: "mentor-2026" });
  await seedDemo(s.db.prisma, await ensureProgramme(s.db.prisma), T0);
});
afterAll(async () => {
  await s?.close();
  await scratch?.drop();
});

async function play(from: string, inputs: Input[]): Promise<OutboundMessage | undefined> {
  let last: OutboundMessage[] = [];
  for (const i of inputs) last = await s.send(from, i);
  return last.at(-1);
}

/** Each not yet pressed button with this prefix, per recipient; a recipient's presses in order. */
async function pressAll(prefix: string, handle: (to: string, action: string) => Promise<void>): Promise<number> {
  const byTo = new Map<string, string[]>();
  for (const m of s.deliveries()) {
    const a = button(m, prefix);
    if (!a || pressed.has(a)) continue;
    pressed.add(a);
    byTo.set(m.to, [...(byTo.get(m.to) ?? []), a]);
  }
  await Promise.all(
    [...byTo].map(async ([to, list]) => {
      for (const a of list) await handle(to, a);
    }),
  );
  return [...byTo.values()].flat().length;
}

/** Coordinator approves proposals; mentors accept offers (one declines, one never answers). */
async function matchingRound(): Promise<number> {
  const approved = await pressAll("prop:ok:", async (to, a) =>
    expect((await s.send(to, { action: a })).at(-1)?.text).toMatch(/^Godkendt\. Tilbuddet er sendt til /),
  );
  const offered = await pressAll("off:y:", async (to, a) => {
    if (to === IGNORES_OFFERS) return;
    if (to === DECLINES_OFFERS) {
      const r = (await s.send(to, { action: a.replace("off:y:", "off:n:") })).at(-1);
      expect((await s.send(to, { action: button(r, "off:r:")! })).at(-1)?.text).toBe(k("offer.declined_thanks"));
      return;
    }
    expect((await s.send(to, { action: a })).at(-1)?.text).toMatch(/^Tak, .*! Her er din mentee/);
  });
  return approved + offered;
}

async function matchUntilQuiet(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await s.tick();
    if ((await matchingRound()) === 0) return;
  }
}

describe("two instances, one stream, one PostgreSQL", () => {
  it("intake and onboarding, concurrently, while both instances tick", async () => {
    let done = false;
    const ticking = (async () => {
      while (!done) await s.tick();
    })();
    await Promise.all([
      ...MENTEES.map(async ([name, industry, town]) =>
        expect((await play(menteeId(name), intakeInputs(name, industry, town)))?.text).toBe(k("mentee.done", { name })),
      ),
      play("console:birgitte", onboardingInputs("Birgitte", "sundhed", "Odense", "mentor-2026")),
      (async () => {
        await play("console:jonas", onboardingInputs("Jonas", "IT", "Aarhus"));
        const notice = s.deliveries().find((m) => m.to === COORD && button(m, "mnt:ok:"));
        expect((await s.send(COORD, { action: button(notice, "mnt:ok:")! })).at(-1)?.text).toBe(k("mentor.approved", { name: "Jonas" }));
      })(),
    ]);
    done = true;
    await ticking;
    const mentors = await s.db.prisma.mentorProfile.findMany({
      where: { person: { identities: { some: { externalId: { in: ["console:birgitte", "console:jonas"] } } } } },
    });
    expect(mentors.map((m) => m.status)).toEqual(["active", "active"]);
  });

  it("matching, offers and hand-over on both instances; an ignored offer is reminded, expires and goes to the next mentor", async () => {
    await matchUntilQuiet();
    for (const hours of [37, 36]) {
      s.clock.advance(hours * HOUR);
      await matchUntilQuiet();
    }
    const matches = await s.db.prisma.match.findMany({ where: { status: "active" } });
    expect(matches.length).toBeGreaterThanOrEqual(12);
    expect(await s.db.prisma.proposal.count({ where: { status: "expired" } })).toBeGreaterThanOrEqual(1);
    expect(await s.db.prisma.proposal.count({ where: { status: "declined" } })).toBeGreaterThanOrEqual(1);
  });

  it("four weeks of check-ins: both tick at the same moments, answers reach both", async () => {
    const nameOf = new Map<string, string>();
    for (const m of await s.db.prisma.match.findMany()) {
      const p = await s.db.prisma.person.findUniqueOrThrow({ where: { id: m.menteeId } });
      nameOf.set(m.id, p.displayName ?? "");
    }
    for (const n of SILENT) expect([...nameOf.values()]).toContain(n);
    const seenCids = new Set<string>();
    const start = new Date(T0.getTime() + 4 * DAY); // Saturday; first nudges next Tuesday
    for (let day = 0; day < 27; day++) {
      s.clock.set(new Date(start.getTime() + day * DAY));
      await s.tick();
      const fresh = s.fresh("checkins");
      const todo = new Map<string, { cid: string; plan: "yes" | "no" | "help" }[]>();
      for (const m of fresh) {
        const cid = button(m, "chk:y:")?.slice(6);
        if (!cid) continue;
        const reminder = seenCids.has(cid);
        seenCids.add(cid);
        const row = await s.db.prisma.checkIn.findUniqueOrThrow({ where: { id: cid } });
        const mentee = nameOf.get(row.matchId) ?? "";
        if (SILENT.has(mentee) || (mentee === "Cem" && row.role === "mentor") || row.status !== "pending") continue;
        if (mentee === "Dina" && row.role === "mentee" && !reminder) continue;
        const plan = mentee === "Dina" && row.role === "mentor" ? "no" : mentee === "Emil" && row.role === "mentor" && !helpAsked ? "help" : "yes";
        if (plan === "help") helpAsked = true;
        todo.set(m.to, [...(todo.get(m.to) ?? []), { cid, plan }]);
      }
      // Answers stream in while both instances tick again at the same moment.
      await Promise.all([
        s.tick(),
        ...[...todo].map(async ([to, list]) => {
          for (const { cid, plan } of list) answers.push(await answerCheckin(s, to, cid, plan));
        }),
      ]);
      await ackAlertsAbout("Ali", nameOf);
      await matchingRound();
    }
  });

  it("answered every event once, delivered nothing twice, lost nothing, kept capacity", async () => {
    const db = s.db.prisma;
    const problems: string[] = [];

    // Every event answered by exactly one instance, never with the error text.
    for (const e of s.log) {
      const answered = e.to.filter((n) => (e.replies[n] ?? []).length > 0);
      if (answered.length !== 1) problems.push(`${e.id} ${e.from} ${JSON.stringify(e.input)} answered by [${answered}] of [${e.to}]`);
      for (const r of Object.values(e.replies).flat())
        if (r.text === k("common.error")) problems.push(`${e.id} ${e.from} ${JSON.stringify(e.input)}: error reply`);
    }
    // Replies were returned to the adapter; the outbox never sent one again.
    for (const m of s.deliveries()) if (m.replyTo) problems.push(`reply to ${m.replyTo} re-sent through the outbox`);

    // No delivery twice: recipient + text + buttons (the buttons carry the check-in, offer or alert id).
    const count = new Map<string, number>();
    for (const m of s.deliveries()) {
      const key = `${m.to}|${m.text}|${actions(m).join(",")}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    for (const [key, n] of count) if (n > 1) problems.push(`delivered ${n}×: ${key.slice(0, 160)}`);

    // One alert per signal: the same kind about the same match and person in the same week is one thing.
    const escById = new Map((await db.escalation.findMany()).map((e) => [e.id, e]));
    const signal = new Map<string, string[]>();
    for (const m of s.deliveries()) {
      const id = button(m, "esc:open:")?.slice(9);
      const esc = id ? escById.get(id) : undefined;
      // Reminders and "more serious now" notices re-send an alert; only first notices count here.
      if (!esc || m.text.startsWith("⏰") || m.text.startsWith("⬆️")) continue;
      const key = `${esc.kind}|${esc.matchId}|${esc.personId}|${periodOf(esc.createdAt, "Europe/Copenhagen")}`;
      signal.set(key, [...(signal.get(key) ?? []), esc.dedupeKey]);
    }
    for (const [key, keys] of signal) if (keys.length > 1) problems.push(`one signal alerted ${keys.length}×: ${key} (${keys.join(", ")})`);
    // Every alert sent as often as the escalation counts it, no more, no less.
    for (const esc of escById.values()) {
      const sent = s.deliveries().filter((m) => m.to === COORD && button(m, "esc:open:") === `esc:open:${esc.id}`).length;
      if (sent !== esc.notifyCount) problems.push(`alert ${esc.dedupeKey}: notifyCount ${esc.notifyCount}, delivered ${sent}`);
    }

    // Nudges and reminders: one outbox row (kind, not 'reply') and one delivery per check-in.
    const checkIns = await db.checkIn.findMany({ where: { period: { not: "final" } } });
    for (const c of checkIns) {
      const got = s.deliveries().filter((m) => button(m, "chk:y:") === `chk:y:${c.id}`);
      const reminders = got.filter((m) => m.text.startsWith("En lille påmindelse")).length;
      if (got.length - reminders !== 1 || reminders !== (c.remindedAt ? 1 : 0))
        problems.push(`check-in ${c.period} ${c.role}: ${got.length - reminders} nudges, ${reminders} reminders`);
    }
    expect(await db.outbox.count({ where: { kind: "checkin" } })).toBe(checkIns.length);
    expect(await db.outbox.count({ where: { kind: "checkin_reminder" } })).toBe(checkIns.filter((c) => c.remindedAt).length);
    expect(await db.outbox.count({ where: { kind: { not: "reply" }, status: { not: "sent" }, dueAt: { lte: s.clock.now() } } })).toBe(0);

    // Introductions: one per match, to its mentee.
    const matches = await db.match.findMany({ include: { checkIns: true } });
    for (const m of matches) {
      const mentee = await db.person.findUniqueOrThrow({ where: { id: m.menteeId }, include: { identities: true } });
      const intros = s.deliveries().filter((d) => d.to === mentee.identities[0]!.externalId && d.text.startsWith(`Godt nyt, ${mentee.displayName}!`)).length;
      if (intros !== 1) problems.push(`${mentee.displayName}: ${intros} introductions`);
    }

    // Capacity: active matches plus open offers per mentor never above capacity; one mentor per mentee.
    for (const mentor of await db.mentorProfile.findMany({ include: { person: true } })) {
      const active = matches.filter((m) => m.mentorId === mentor.personId && m.status === "active").length;
      const open = await db.proposal.count({ where: { mentorId: mentor.personId, status: { in: ["proposed", "held", "offered"] } } });
      if (active + open > mentor.capacity) problems.push(`${mentor.person.displayName}: ${active} matches + ${open} open offers > capacity ${mentor.capacity}`);
    }
    const perMentee = await db.match.groupBy({ by: ["menteeId"], where: { status: "active" }, _count: { _all: true } });
    expect(perMentee.filter((g) => g._count._all > 1)).toEqual([]);

    // Intake: one person, one profile, one intake self-assessment and three consents per mentee.
    for (const [name] of MENTEES) {
      const id = await db.identity.findUniqueOrThrow({ where: { externalId: menteeId(name) } });
      const profile = await db.menteeProfile.findUnique({ where: { personId: id.personId } });
      const sa = await db.selfAssessment.count({ where: { personId: id.personId, kind: "intake" } });
      const consents = await db.consent.count({ where: { personId: id.personId } });
      if (!profile || profile.status === "intake" || sa !== 1 || consents !== 3)
        problems.push(`intake ${name}: profile ${profile?.status}, ${sa} assessments, ${consents} consents`);
    }
    expect(await db.menteeProfile.count()).toBe(MENTEES.length);

    // Check-in answers: each stored as given, once; nothing answered that nobody answered.
    const given = answers;
    for (const a of given) {
      const row = await db.checkIn.findUniqueOrThrow({ where: { id: a.cid } });
      const want = {
        status: "answered",
        met: a.met,
        hours: a.hours,
        topic: a.topic ?? null,
        rating: a.rating ?? null,
        reason: a.reason ?? null,
        note: a.note ?? null,
      };
      const got = { status: row.status, met: row.met, hours: row.hours, topic: row.topic, rating: row.rating, reason: row.reason, note: row.note };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`answer ${a.cid}: stored ${JSON.stringify(got)}, given ${JSON.stringify(want)}`);
    }
    expect(new Set(given.map((a) => a.cid)).size).toBe(given.length);
    expect(checkIns.filter((c) => c.status === "answered").length).toBe(given.length);
    const monthly = await db.selfAssessment.count({ where: { kind: "monthly" } });
    expect(monthly).toBe(given.reduce((n, a) => n + a.monthly, 0));

    // The silent pairs were noticed; the ignored offer was escalated.
    const kinds = new Set([...escById.values()].map((e) => e.kind));
    for (const kind of ["unanswered_checkins", "no_contact", "offer_timed_out", "mentor_needs_help"]) expect(kinds).toContain(kind);
    // The race happened: both instances won doubled events and both senders delivered.
    for (const i of s.instances) {
      expect(i.sent.length).toBeGreaterThan(20);
      expect(s.log.filter((e) => e.to.length === 2 && e.replies[i.name]?.length).length).toBeGreaterThan(100);
    }
    expect(answers.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it("two different messages of one person reaching the two instances at once are both answered", async () => {
    // A person typing twice quickly; the platform hands each message to another instance. The
    // first pair is a new person's first messages (no conversation row yet), the second a later pair.
    const people = [1, 2, 3, 4, 5, 6].map((i) => `console:twin-${i}`);
    const from = s.log.length;
    for (const [x, y] of [
      ["hej", "hallo"],
      ["hvad er det her", "hjælp"],
    ]) {
      await Promise.all(people.map((p) => Promise.all([s.send(p, x!, "a"), s.send(p, y!, "b")])));
    }
    const unanswered = s.log.slice(from).filter((e) => !e.replies[e.to[0]!]?.length);
    expect(unanswered.map((e) => `${e.id} ${e.from} ${JSON.stringify(e.input)}`)).toEqual([]);
  });
});

/** The coordinator acknowledges the alerts about one pair (their reminders stop); the rest stay open. */
async function ackAlertsAbout(mentee: string, nameOf: Map<string, string>): Promise<void> {
  const db = s.db.prisma;
  await pressAll("esc:ack:", async (to, a) => {
    const esc = await db.escalation.findUnique({ where: { id: a.slice(8) } });
    if (!esc?.matchId || nameOf.get(esc.matchId) !== mentee || esc.status !== "open") return;
    expect((await s.send(to, { action: a })).at(-1)?.text).toBe(k("esc.acked"));
  });
}

// Security: every button and command that names another person's object (an offer, a proposal, an
// alert, a check-in, a mentorship, a person, a link or invitation code) is refused to mentees and
// mentors when the object is not theirs: the reply is a refusal, names those people or their
// words nowhere, and no row changes. Prefixes come from the registered capabilities and buttons
// from what the bot really sends, so a new one must be added to FORGE below or the test fails.
import pino from "pino";
import { erasePerson } from "../../src/infra/people/erase.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CAPABILITIES } from "../../src/capabilities/index.js";
import { DEFAULT_SETTINGS } from "../../src/core/capability.js";
import { askItem, checkinId, FINAL_PERIOD } from "../../src/capabilities/checkins/messages.js";
import { startClosing } from "../../src/capabilities/checkins/lifecycle.js";
import { periodOf } from "../../src/lib/time.js";
import type { InboundEvent, OutboundMessage } from "../../src/core/messages.js";
import { raiseEscalation } from "../../src/infra/alerts/raise.js";
import { t } from "../../src/core/i18n/index.js";
import { queueOffer } from "../../src/capabilities/matchmaking/offers.js";
import { queueProposalToCoordinators } from "../../src/capabilities/matchmaking/run-matching.js";
import { enqueue } from "../../src/infra/outbox/outbox.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { createBotHarness, T0, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

const DAY = 864e5;
const ago = (days: number) => new Date(T0.getTime() - days * DAY);
const EXCERPT = "EXCERPT-SECRET-17 jeg kan ikke mere";
const NOTE = "NOTE-SECRET-41 hun er stresset";
const LINK_CODE = "ZQKM2345"; // mentee A's code for linking her other chat account
const INVITE_CODE = "WXYZ234567"; // an imported mentor's invitation

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
const ids: Record<string, string> = {}; // key → person id
const names: Record<string, string> = {}; // key → display name
const f: Record<string, string> = {}; // object ids

async function person(key: string, name: string, roles: string[]): Promise<string> {
  const p = await db.prisma.person.create({
    data: {
      displayName: name,
      roles,
      identities: { create: { externalId: `console:${key}`, platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  return p.id;
}

async function setup(): Promise<void> {
  const programmeId = await ensureProgramme(db.prisma);
  await seedDemo(db.prisma, programmeId, ago(400));
  for (const key of ["coordinator", "anna", "omar", "karen", "lars", "peter"]) {
    const i = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: `console:${key}` }, include: { person: true } });
    ids[key] = i.personId;
    names[key] = i.person.displayName!.split(" ")[0]!;
  }
  const mentee = async (key: string, name: string, status: string) => {
    ids[key] = await person(key, name, ["mentee"]);
    names[key] = name;
    await db.prisma.menteeProfile.create({
      data: { personId: ids[key], programmeId, industries: ["it"], municipality: "aarhus", goals: ["job"], helpWanted: ["cv"], status, waitingSince: ago(90) },
    });
    await db.prisma.consent.createMany({
      data: ["matching", "share_contact", "statistics"].map((purpose) => ({ personId: ids[key]!, purpose, granted: true, at: ago(90) })),
    });
  };
  await mentee("zelda", "Zelda Quist", "matched"); // mentee A, with mentor A (Anna)
  await mentee("bodil", "Bodil Berg", "proposed"); // mentee B: proposed to Lars, no mentorship
  await mentee("carla", "Carla Dahl", "proposed"); // offered to Anna
  await mentee("ulla", "Ulla Ulv", "matched"); // Anna's other mentee
  const mentor = async (key: string, name: string, status: string) => {
    ids[key] = await person(key, name, ["mentor"]);
    names[key] = name;
    await db.prisma.mentorProfile.create({ data: { personId: ids[key], programmeId, industry: "it", status } });
  };
  await mentor("viggo", "Viggo Vang", "pending"); // waiting for a coordinator's approval
  await mentor("ivan", "Ivan Ibsen", "invited");
  await db.prisma.linkCode.createMany({
    data: [
      { code: LINK_CODE, personId: ids.zelda!, expiresAt: new Date(T0.getTime() + 600_000) },
      { code: INVITE_CODE, personId: ids.ivan!, expiresAt: new Date(T0.getTime() + 9 * DAY) },
    ],
  });
  const match = (mentorKey: string, started: number, ended?: number, menteeKey = "zelda") =>
    db.prisma.match.create({
      data: {
        programmeId,
        menteeId: ids[menteeKey]!,
        mentorId: ids[mentorKey]!,
        status: ended ? "ended" : "active",
        goals: ["job"],
        startedAt: ago(started),
        endsAt: ago(started - 182),
        endedAt: ended ? ago(ended) : null,
      },
    });
  f.matchOld = (await match("karen", 300, 100)).id;
  f.matchA = (await match("anna", 40)).id;
  f.matchUlla = (await match("anna", 100, undefined, "ulla")).id;
  const proposal = (menteeKey: string, mentorKey: string, status: string) =>
    db.prisma.proposal.create({
      data: {
        programmeId,
        menteeId: ids[menteeKey]!,
        mentorId: ids[mentorKey]!,
        score: 70,
        status,
        createdAt: ago(2),
        offeredAt: status === "proposed" ? null : ago(1),
      },
    });
  f.queue = (await proposal("bodil", "lars", "proposed")).id;
  f.offer = (await proposal("carla", "anna", "offered")).id;
  f.declined = (await proposal("carla", "peter", "declined")).id;
  const period = periodOf(T0, "Europe/Copenhagen");
  await db.prisma.$transaction(async (tx) => {
    for (const [key, role, other] of [
      ["zelda", "mentee", "anna"],
      ["anna", "mentor", "zelda"],
    ] as const) {
      f[`cid_${key}`] = checkinId(f.matchA!, period, ids[key]!);
      await tx.checkIn.create({ data: { id: f[`cid_${key}`], matchId: f.matchA!, personId: ids[key]!, role, period, createdAt: T0 } });
      await enqueue(tx, [askItem({ matchId: f.matchA!, period, personId: ids[key]!, role, other: names[other]!, at: T0 })]);
    }
    await tx.checkIn.create({
      data: {
        matchId: f.matchA!,
        personId: ids.anna!,
        role: "mentor",
        period: "2026-W47",
        status: "answered",
        met: true,
        hours: 1,
        note: NOTE,
        createdAt: ago(7),
      },
    });
    await startClosing(tx, f.matchOld!, T0); // closing questions (final check-ins) of the old mentorship
    await queueOffer(tx, f.offer!, T0);
    await queueProposalToCoordinators(tx, f.queue!, T0);
    f.alert = (
      await raiseEscalation(
        tx,
        { dedupeKey: "test:zelda", kind: "risk", severity: "high", personId: ids.zelda, matchId: f.matchA, source: "checkin", excerpt: EXCERPT },
        T0,
      )
    ).id;
  });
  f.final_zelda = checkinId(f.matchOld!, FINAL_PERIOD, ids.zelda!);
  f.final_karen = checkinId(f.matchOld!, FINAL_PERIOD, ids.karen!);
}

/** One forged press or message; `owners` may legitimately use it (they are not probed with it). */
interface Probe {
  event: Partial<InboundEvent>;
  owners: string[];
  /** False where the press acts on the presser only and shows their own data. */
  refused?: boolean;
}
const act = (action: string, owners: string[] = [], fields?: Record<string, string>): Probe => ({ event: { action, ...(fields ? { fields } : {}) }, owners });

// How to forge each registered action prefix with real ids of objects that are someone else's.
// Coordinator-only prefixes have no owners among mentees and mentors.
const FORGE: Record<string, () => Probe[]> = {
  prop: () => ["ok", "hold", "alt"].flatMap((v) => [act(`prop:${v}:${f.queue}`), act(`prop:${v}:${f.offer}`)]),
  off: () => [
    act(`off:y:${f.offer}`, [ids.anna!]),
    act(`off:n:${f.offer}`, [ids.anna!]),
    act(`off:r:${f.offer}:other`, [ids.anna!]),
    act(`off:r:${f.declined}:no_time`, [ids.peter!]),
  ],
  mnt: () => [act(`mnt:ok:${ids.viggo}`)],
  // Link confirmations act on the presser's own open request only; someone else's id finds nothing.
  link: () => ["join", "cancel", `allow:${ids.zelda}`, `deny:${ids.zelda}`, `allow:${ids.anna}`].map((v) => act(`link:${v}`)),
  esc: () => [...["open", "ack", "me", "res"].map((v) => act(`esc:${v}:${f.alert}`)), act(`esc:resf:${f.alert}`, [], { note: "løst" })],
  chk: () => [
    ...["y", "n", "h"].flatMap((v) => [act(`chk:${v}:${f.cid_zelda}`, [ids.zelda!]), act(`chk:${v}:${f.cid_anna}`, [ids.anna!])]),
    ...["p", "r"].map((v) => act(`chk:${v}:${f.matchA}`, [ids.zelda!, ids.anna!])),
    act(`chk:o:${f.final_zelda}:job`, [ids.zelda!]),
    act(`chk:s:${f.final_karen}:5`, [ids.karen!]),
  ],
  // Typed answers and meetings or outcomes told in a chat, once the person picked a mentorship.
  chki: () => [
    act(`chki:t:${f.cid_zelda}:y:1.5`, [ids.zelda!]),
    act(`chki:t:${f.cid_anna}:n:`, [ids.anna!]),
    act(`chki:m:${f.matchA}:20261124:2`, [ids.zelda!, ids.anna!]),
    act(`chki:o:${f.matchA}:job`, [ids.zelda!, ids.anna!]),
  ],
  chkf: () => [
    act(`chkf:${f.cid_zelda}`, [ids.zelda!], { hours: "3", rating: "5", need: "x" }),
    act(`chkf:${f.cid_anna}`, [ids.anna!], { hours: "3", topic: "cv", note: "x" }),
  ],
  co: () => [
    ...[`q:0`, `p:${ids.zelda}`, `po:${ids.zelda}`, `x:${ids.zelda}`, `pm:${ids.anna}`, `pm:${ids.anna}:14`, `pm:${ids.anna}:0`].map((a) => act(`co:${a}`)),
    ...["m", "end", "re", "out"].map((v) => act(`co:${v}:${f.matchA}`)),
    act(`co:why:e:${f.matchA}:other`),
    act(`co:why:r:${f.matchA}:other`),
    act(`co:oc:${f.matchA}:job`),
    act(`co:ocf:${f.matchA}:job`),
    act(`co:import`, [], { csv: "navn;email\nX;x@example.dk" }),
  ],
  // Consent buttons act on the presser only; an id in place of the purpose must change nothing.
  cons: () => ["w", "g"].map((v) => ({ ...act(`cons:${v}:${ids.zelda}`, [ids.zelda!]), refused: false })),
  // Profile buttons change the presser's own profile only: a field, or an id in its place, just asks.
  prof: () => ["cancel", "municipality", "capacity", ids.zelda!].map((v) => ({ ...act(`prof:${v}`), refused: false })),
};

// Commands mentees and mentors may use, with another person's name, id or code as arguments.
const COMMANDS: Record<string, () => string[]> = {
  msg: () => [`besked ${names.zelda} hej`, `msg ${ids.zelda} hej`],
  status: () => [`status ${names.zelda}`],
  "ny mentor": () => [`ny mentor ${ids.zelda}`],
  ferie: () => [`ferie ${ids.anna}`],
  "pause tjek ind": () => [`pause tjek ind ${f.matchA}`],
  join: () => [`join ${INVITE_CODE}`, `join ${LINK_CODE}`],
  link: () => [`link ${LINK_CODE}`, `link ${INVITE_CODE}`],
  export: () => [`export ${names.zelda}`, `export ${ids.zelda}`],
  consent: () => [`samtykke ${ids.zelda}`],
};

const REFUSALS = [
  "cmd.not_allowed",
  "offer.gone",
  "proposal.gone",
  "chk.gone",
  "chk.not_yours",
  "chk.pause_none",
  "esc.not_found",
  "co.match_gone",
  "link.nothing_pending",
].map((k) => t("da", k));
const ACTORS = ["zelda", "anna", "bodil", "omar"]; // mentee A, mentor A, mentee B, mentor B
const deps = () => ({ db: db.prisma, clock: { now: () => T0 }, logger: pino({ level: "silent" }), settings: DEFAULT_SETTINGS, erase: erasePerson });
const capabilities = () => ALL_CAPABILITIES.map((c) => c(deps()));

/**
 * A digest of every table, leaving out the actor's conversation bookkeeping, their own audit
 * counters (failed codes, own export) and their own replies journalled in the outbox (checked as
 * replies). One query, so a few hundred probes stay fast; a mismatch names the table.
 */
async function snapshot(actorId: string): Promise<Record<string, string>> {
  const tables = (
    await db.prisma.$queryRawUnsafe<{ t: string }[]>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'Conversation', 'InboundEvent')`,
    )
  ).map((r) => r.t);
  const skip: Record<string, string> = {
    AuditLog: `NOT coalesce(x."subjectId" = $1 AND coalesce(x."actorId" = $1, true), false)`,
    Outbox: `NOT (x.kind = 'reply' AND x.recipient = $1)`,
  };
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x WHERE ${skip[t] ?? "$1 = $1"}`)
    .join(" UNION ALL ");
  const rows = await db.prisma.$queryRawUnsafe<{ t: string; h: string }[]>(sql, actorId);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** Everything a reply shows: texts, buttons, forms and the contents of attached files. */
const shown = (replies: OutboundMessage[]) =>
  replies.map((r) => JSON.stringify(r) + (r.file ? Buffer.from(r.file.base64, "base64").toString("utf8") : "")).join("\n");

async function resetConversation(personId: string): Promise<void> {
  await db.prisma.conversation.update({ where: { personId }, data: { data: { mode: "idle" } } });
}

/** Sends the probe as the actor: refused (unless told), nothing of others shown, nothing changed. */
async function probe(actor: string, p: Probe): Promise<void> {
  const actorId = ids[actor]!;
  const label = `${actor}: ${JSON.stringify(p.event)}`;
  const before = await snapshot(actorId);
  const sent = bot.delivered.length;
  const replies = await bot.say(`console:${actor}`, p.event);
  const text = shown(replies);
  if (p.refused !== false) for (const r of replies) expect(REFUSALS, label).toContain(r.text);
  const others = Object.keys(ids).filter((k) => ids[k] !== actorId);
  for (const secret of [...others.map((k) => names[k]!), ...others.map((k) => ids[k]!), EXCERPT, NOTE, LINK_CODE, INVITE_CODE])
    expect(text, label).not.toContain(secret);
  expect(await snapshot(actorId), label).toEqual(before);
  expect(bot.delivered.slice(sent), label).toEqual([]);
  // A task left behind must not carry someone else's id into the next message.
  const convo = JSON.stringify((await db.prisma.conversation.findUniqueOrThrow({ where: { personId: actorId } })).data);
  for (const k of others) expect(convo, label).not.toContain(ids[k]!);
  if (!p.owners.includes(actorId)) for (const id of Object.values(f)) expect(convo, label).not.toContain(id);
  await resetConversation(actorId);
}

/** Buttons the bot really sent (to their recipient) and those in the coordinator's views. */
async function harvest(): Promise<Probe[]> {
  const byExternal = new Map(Object.entries(ids).map(([k, id]) => [`console:${k}`, id]));
  const found: Probe[] = bot.delivered.flatMap((m) => (m.buttons ?? []).map((b) => act(b.action, [byExternal.get(m.to)!])));
  const views: OutboundMessage[] = [];
  for (const cmd of ["alerts", "queue", "matches alle", `person ${names.zelda}`, `person ${names.anna}`, `person ${names.carla}`])
    views.push(...(await bot.say("console:coordinator", cmd)));
  // One level deeper through the read-only buttons (cards, pickers, "why?" questions).
  const readOnly = /^(esc:open|co:(m|p|po|out|end|re|q)):|^co:pm:[^:]+$/;
  for (const b of views.flatMap((v) => v.buttons ?? []).filter((b) => readOnly.test(b.action))) {
    views.push(...(await bot.say("console:coordinator", { action: b.action })));
    await resetConversation(ids.coordinator!);
  }
  found.push(...views.flatMap((v) => (v.buttons ?? []).map((b) => act(b.action))));
  // One per shape: "chk:o:<id>:job" and "chk:o:<id>:none" test the same thing.
  const seen = new Set<string>();
  return found.filter((p) => {
    const shape = p.event.action!.replace(/:[a-z_0-9]{1,12}$/, ":*");
    return !seen.has(shape) && (seen.add(shape), true);
  });
}

let harvested: Probe[] | undefined;
const harvestOnce = async () => (harvested ??= await harvest());

beforeAll(async () => {
  db = await openTestDb();
  await setup();
  bot = await createBotHarness(db);
  // Sends what was queued (offer, check-ins, the alert) and sets everyone's last-seen time.
  for (const who of ["coordinator", ...ACTORS]) await bot.say(`console:${who}`, "hjælp");
});
afterAll(async () => db.close());

describe("reads and changes of another person's data", { timeout: 120_000 }, () => {
  it("every action prefix has a way to forge it, and every button sent uses a known prefix", async () => {
    const prefixes = capabilities().flatMap((c) => (c.actions ?? []).map((a) => a.prefix));
    expect(
      prefixes.filter((p) => !(p in FORGE)),
      "prefixes missing from FORGE",
    ).toEqual([]);
    expect(
      Object.keys(FORGE).filter((p) => !prefixes.includes(p)),
      "FORGE entries no capability registers",
    ).toEqual([]);
    expect((await harvestOnce()).map((p) => p.event.action!.split(":")[0]!).filter((p) => !(p in FORGE))).toEqual([]);
  });

  it("buttons with other people's ids are refused, leak nothing and change nothing", async () => {
    // A button both forged and sent is probed once, kept from everyone who may use it.
    const probes = new Map<string, Probe>();
    for (const p of [...Object.values(FORGE).flatMap((make) => make()), ...(await harvestOnce())]) {
      const known = probes.get(p.event.action!);
      probes.set(p.event.action!, known ? { ...known, owners: [...known.owners, ...p.owners] } : p);
    }
    let checked = 0;
    for (const actor of ACTORS) {
      for (const p of probes.values()) {
        if (p.owners.includes(ids[actor]!)) continue;
        await probe(actor, p);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("commands with other people's names, ids or codes reach nothing of theirs", async () => {
    const open = capabilities()
      .flatMap((c) => c.commands ?? [])
      .filter((c) => !c.roles || c.roles.some((r) => r !== "coordinator"));
    expect(
      open.map((c) => c.words[0]!).filter((w) => !(w in COMMANDS)),
      "commands missing from COMMANDS",
    ).toEqual([]);
    // Coordinator-only commands with arguments (the bare words are in coordinator-only.test.ts).
    const closed = capabilities()
      .flatMap((c) => c.commands ?? [])
      .filter((c) => c.roles?.every((r) => r === "coordinator"));
    for (const actor of ["bodil", "omar"]) {
      for (const text of Object.values(COMMANDS).flatMap((make) => make())) await probe(actor, { event: { text }, owners: [], refused: false });
      for (const c of closed) for (const arg of [names.zelda, ids.zelda]) await probe(actor, { event: { text: `/${c.words[0]} ${arg}` }, owners: [] });
    }
  });

  it("a mentor with two mentees: a message reaches only the mentee it names", async () => {
    const sent = bot.delivered.length;
    // Ulla's mentorship is the older one: the newest match used to get every message, so Zelda read it.
    expect(await bot.ask("console:anna", `besked ${names.ulla!.split(" ")[0]}, kan vi flytte mødet?`)).toBe(t("da", "relay.sent"));
    expect(bot.delivered.slice(sent).map((m) => m.to)).toEqual(["console:ulla"]);
    const reply = await bot.ask("console:anna", "besked Kan vi flytte mødet?");
    // Without a name there is no telling whom the words are for: ask, send nothing.
    expect(reply).toBe(t("da", "relay.which", { names: "Zelda, Ulla", example: "Zelda" }));
    expect(bot.delivered.slice(sent).map((m) => m.to)).toEqual(["console:ulla"]);
  });

  it("a consent button with someone else's id changes only the presser's own consent", async () => {
    const before = await db.prisma.consent.findMany({ where: { personId: ids.zelda }, orderBy: { purpose: "asc" } });
    const mark = await snapshot(ids.zelda!);
    await bot.say("console:bodil", { action: `cons:w:share_contact:${ids.zelda}` });
    expect(await db.prisma.consent.findMany({ where: { personId: ids.zelda }, orderBy: { purpose: "asc" } })).toEqual(before);
    expect((await db.prisma.consent.findFirstOrThrow({ where: { personId: ids.bodil, purpose: "share_contact" } })).withdrawnAt).not.toBeNull();
    expect(await snapshot(ids.zelda!), "the digest sees a changed row").not.toEqual(mark);
  });
});

// Fuzzing, shared by fuzz.test.ts (pure router) and fuzz-core-*.test.ts (full core + database): a
// seeded generator of hostile texts by category, commands in Danish and English, plausible answers
// and random buttons; and the shard runner with its checks. Same seed, same messages.
import { Worker } from "node:worker_threads";
import { erasePerson } from "../../src/infra/people/erase.js";
import pino from "pino";
import { ALL_CAPABILITIES } from "../../src/capabilities/index.js";
import { DEFAULT_SETTINGS } from "../../src/core/capability.js";
import type { Button, InboundEvent, OutboundMessage } from "../../src/core/messages.js";
import type { Db } from "../../src/infra/db/database.js";
import { t } from "../../src/core/i18n/index.js";
import { makeWorld } from "../coordinator/world.js";
import { createBotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

/** mulberry32: fast, well-mixed, seedable (Math.random is not). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}
type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

// The core's own command words (src/core/conversation/commands.ts), as people type them in both languages.
export const CORE_COMMANDS = [
  "hjælp",
  "help",
  "menu",
  "kommandoer",
  "tilbage",
  "back",
  "fortryd",
  "forfra",
  "start over",
  "genstart",
  "restart",
  "pause",
  "stop",
  "senere",
  "later",
  "sprog",
  "language",
  "skift sprog",
  "/english",
  "/dansk",
  "status",
  "hvor er jeg",
  "where am i",
  "slet",
  "delete",
  "slet mine data",
  "glem mig",
  "forget me",
  "koordinator",
  "coordinator",
  "menneske",
  "talk to a human",
  "kontakt",
  "person",
  "mine data",
  "my data",
  "export",
];

const MOJIBAKE_SRC = "Jeg hedder Søren Ærø, bor i Århus og vil gerne ‘arbejde’ – “nu”… €5";
const EMOJI = ["👍🏿", "👩🏽‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇰", "1️⃣", "🧑🏻‍🤝‍🧑🏾", "😀", "🔥", "🤷‍♀️"];

/** Fixed hostile messages: injection, placeholders, edge values, markup for every platform. */
export const HOSTILE = [
  '\'; DROP TABLE "Person"; --',
  "' OR 1=1 --",
  "\\'; SELECT pg_sleep(10); --",
  "$1 $2 %s %n %%",
  'Robert\'); DELETE FROM "Conversation";--',
  "<script>alert('x')</script>",
  "{{7*7}} ${process.exit(1)} #{1+1}",
  "{name} {count} {{name}}",
  "[object Object]",
  "undefined",
  "NaN",
  "null",
  "Infinity",
  "-0",
  "1e309",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "../../../etc/passwd",
  "C:\\Windows\\system32",
  "\u202Egnp.exe",
  "\u202Bمرحبا، أريد مرشدا\u202C",
  "שלום, אני צריך מנטור",
  "مرحبا، أريد مرشدا",
  "١٢٣",
  "Jeg hedder \u202Enaj\u202C",
  "\u0000",
  "ja\u0000",
  "\u0000".repeat(500),
  "\u0000\u0001\u0002\u001b[2J\u001b[31mRED",
  "\u0007\u0008\u007f\u0085\u009b",
  "\u200B",
  "\u200Bja\u200B",
  "j\u200Da",
  "\u200C\u200D\u2060\uFEFF",
  "👩\u200D",
  "\u200D".repeat(1000),
  "\uD800",
  "\uDFFF",
  "ja\uD800",
  "\uDBFF\uDBFF",
  "a\uDC00b",
  "😀".slice(0, 1),
  `x${"😀".repeat(999)}`,
  "&amp; &lt;script&gt; &#0; &#x202E; &nbsp; &quot;",
  "&#x1F525;&#128293;",
  '<a href="javascript:alert(1)">klik</a>',
  '<a href="tg://user?id=1">admin</a>',
  "<b>unclosed <i>",
  "<tg-spoiler>x</tg-spoiler>",
  '<pre><code class="x">',
  "*bold* _italic_ ~strike~ `code` ```block```",
  "<!channel> <!here> <!everyone>",
  "<@U123ABC> <#C1|general> <https://evil.example|klik her>",
  "[klik](javascript:alert(1))",
  "> quote\n>> nested",
  "||spoiler||",
  "__*_~`mixed`~_*__",
  '{"mode":"idle","roles":["coordinator"]}',
  '{"__proto__":{"isAdmin":true}}',
  '{"text":"\\u0000"}',
  "[1,2,3]",
  '""',
  "{}",
  "[]",
  "\n",
  "\n\n\n\n",
  "\r\n".repeat(200),
  " \t \u00A0 \u3000 ",
  "",
  "🔥".repeat(2000),
  "a".repeat(100_000),
  `${"Mentorordningsprojektkoordinatorassistent".repeat(2500)}`,
  "x".repeat(65_536),
  Buffer.from(MOJIBAKE_SRC, "utf8").toString("latin1"),
  "Ã¦Ã¸Ã¥ Ã† Ã˜ Ã…",
  "â€™ â€œ â€ â€¦ â‚¬",
  "SÃ¸ren",
];

/** Plausible answers, so that people get deep into the flows between the hostile messages. */
export const ANSWERS = [
  "ja",
  "Ja tak",
  "nej",
  "yes",
  "no",
  "ok",
  "færdig",
  "done",
  "1",
  "2",
  "3",
  "5",
  "10 timer",
  "Aarhus",
  "København",
  "Odense",
  "Vejle",
  "IT",
  "sundhed",
  "byggeri",
  "butik",
  "Sara",
  "Ali Hassan",
  "Mit navn er Noor",
  "dansk og engelsk",
  "arabisk",
  "i morgen",
  "1. december",
  "om en uge",
  "CV",
  "jobsamtale",
  "netværk",
  "video",
  "weekend",
  "hverdage om aftenen",
  "kvinde",
  "ved ikke",
];

const PREFIXES = [
  "chk",
  "chkf",
  "chka",
  "co",
  "cons",
  "esc",
  "mnt",
  "off",
  "prop",
  "opt",
  "edit",
  "lang",
  "role",
  "cmd",
  "delete",
  "summary",
  "multi",
  "yes",
  "no",
  "skip",
];
const VERBS = [
  "ok",
  "hold",
  "alt",
  "y",
  "n",
  "r",
  "h",
  "s",
  "o",
  "p",
  "m",
  "q",
  "x",
  "pm",
  "oc",
  "out",
  "end",
  "re",
  "why",
  "ack",
  "me",
  "open",
  "res",
  "g",
  "w",
  "yes",
  "no",
  "done",
  "confirm",
  "change",
  "da",
  "en",
];
const IDS = ["x", "", "0", "-1", "99999999", "NaN", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --", "\u0000", "\uD800", "../..", "🔥", "a".repeat(300)];

/** A random, often nonsensical, button action: known prefixes with garbage ids, or garbage. */
export function randomAction(r: Rng): string {
  const k = r();
  if (k < 0.7) return [pick(r, PREFIXES), pick(r, VERBS), pick(r, IDS), ...(r() < 0.3 ? [pick(r, IDS)] : [])].slice(0, 2 + int(r, 3)).join(":");
  if (k < 0.85)
    return pick(r, [
      "cmd:help",
      "cmd:back",
      "cmd:delete",
      "cmd:nope",
      "lang:da",
      "lang:en",
      "lang:xx",
      "role:mentee",
      "role:mentor",
      "role:coordinator",
      "role:admin",
      "delete:yes",
      "delete:no",
      "multi:done",
      "summary:confirm",
    ]);
  return pick(r, [":", "::::", "", " ", "x".repeat(5000), "\u0000:\u0000", "opt:__proto__", "edit:constructor"]);
}

/** A command typed at random: either language, with or without "/", shouting, padded, with arguments. */
export function randomCommand(r: Rng, words: readonly string[]): string {
  let w = pick(r, words);
  if (r() < 0.4) w = `/${w.replace(/^\//, "")}`;
  if (r() < 0.15) w = w.toUpperCase();
  if (r() < 0.2) w = `  ${w}\n`;
  if (r() < 0.25) w = `${w} ${r() < 0.5 ? pick(r, ANSWERS) : hostileText(r).slice(0, 300)}`;
  return w;
}

// Mostly printable ASCII, then controls, the BMP (lone surrogates included) and the astral planes.
const codePoint = (r: Rng, k = r()) => (k < 0.7 ? 32 + int(r, 95) : k < 0.8 ? int(r, 32) : k < 0.95 ? int(r, 0x10000) : 0x10000 + int(r, 0x10ffff - 0x10000));
const randomCodePoints = (r: Rng, len: number) => Array.from({ length: len }, () => String.fromCodePoint(codePoint(r))).join("");

/** One hostile text, by category (see the requirement in fuzz.test.ts). */
export function hostileText(r: Rng): string {
  const k = r();
  if (k < 0.35) return pick(r, HOSTILE);
  if (k < 0.5) return randomCodePoints(r, int(r, r() < 0.05 ? 8000 : 60));
  // Binary garbage, as a platform would decode it.
  if (k < 0.58) return Buffer.from(Array.from({ length: int(r, 400) }, () => int(r, 256))).toString(r() < 0.5 ? "utf8" : "latin1");
  if (k < 0.66) return Array.from({ length: 1 + int(r, r() < 0.1 ? 3000 : 20) }, () => pick(r, EMOJI)).join(r() < 0.5 ? "" : "\u200D");
  if (k < 0.74) {
    // A plausible answer laced with invisible, bidi or surrogate characters.
    const a = pick(r, ANSWERS);
    const i = int(r, a.length + 1);
    return (
      a.slice(0, i) + pick(r, ["\u200B", "\u200D", "\u202E", "\u0000", "\uD800", "\uDC00", "\uFEFF", "\u2066", "\r", "\t", "\u0301\u0301\u0301"]) + a.slice(i)
    );
  }
  if (k < 0.8) return Buffer.from(pick(r, ANSWERS.concat(MOJIBAKE_SRC)), "utf8").toString("latin1"); // Windows-1252 mojibake
  if (k < 0.86) return JSON.stringify({ text: pick(r, ANSWERS), n: r() < 0.5 ? null : int(r, 1e6), nested: [{ a: pick(r, HOSTILE).slice(0, 100) }] });
  if (k < 0.92)
    return `${pick(r, ["<b>", "*", "_", "`", '<a href="https://x.example">', "<!channel> ", "&lt;"])}${pick(r, ANSWERS)}${pick(r, ["</b>", "*", "_", "`", "</a>", "", "&gt;"])}`;
  return pick(r, ["\n", " ", "\t", "\u00A0"]).repeat(1 + int(r, 500));
}

export type FuzzMessage = Pick<InboundEvent, "text" | "action" | "media" | "fields">;

/** A message with no knowledge of the sender's state (the pure-route run and the core's fallback). */
export function randomMessage(r: Rng, commandWords: readonly string[] = CORE_COMMANDS): FuzzMessage {
  const k = r();
  if (k < 0.45) return { text: hostileText(r) };
  if (k < 0.6) return { text: randomCommand(r, commandWords) };
  if (k < 0.75) return { text: pick(r, ANSWERS) };
  if (k < 0.92) return { action: randomAction(r) };
  if (k < 0.97) return { media: pick(r, ["photo", "sticker", "voice", "document", "other"] as const) };
  return { fields: { csv: hostileText(r).slice(0, 20_000), note: pick(r, HOSTILE).slice(0, 1000), hours: pick(r, ["NaN", "-1", "1e9", "2", ""]) } };
}

// Text a template left unfilled, or JavaScript leaking into a reply. Case-sensitive on purpose:
// "finans" contains "nan", and {word} is how the catalogues spell placeholders.
export const LEAK = /undefined|NaN|\[object Object\]|\{\{|\{[A-Za-z_]\w*\}/g;

/** The leak-like tokens in what a person sent: a reply may echo those back without being broken. */
export function leakTokens(...parts: (string | undefined)[]): string[] {
  // eslint-disable-next-line no-control-regex
  return parts.flatMap((p) => (p ? [...p.matchAll(LEAK), ...p.replace(/[\u0000-\u001f\u007f-\u009f\p{Cf}]/gu, "").matchAll(LEAK)].map((m) => m[0]) : []));
}

/** 4 × 2,500 = 10,000 messages, each shard with its own seed, senders and in-memory database. */
export const SHARDS = [0x5eed01, 0x5eed02, 0x5eed03, 0x5eed04].map((seed) => ({ seed, count: 2500 }));

type Kind = "new" | "intake" | "world" | "mentor" | "coordinator";
interface Persona {
  id: string;
  kind: Kind;
  buttons: Button[];
  form?: string[];
  tokens: Set<string>;
}
export interface Failure {
  i: number;
  from: string;
  event: string;
  problem: string;
  state?: unknown;
}
export interface ShardResult {
  failures: Failure[];
  inconsistencies: Record<string, unknown[]>;
  sent: number;
}

const show = (e: unknown) => JSON.stringify(e, (_k, v: unknown) => (typeof v === "string" && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v));
const WEIGHTS: [Kind, number][] = [
  ["new", 0.3],
  ["intake", 0.3],
  ["world", 0.15],
  ["mentor", 0.13],
  ["coordinator", 0.12],
];

/** The full core: one shard against a fresh database (self-contained, so it also runs in a worker thread);
 *  mentees in every state, demo mentors, a coordinator and new people, messages interleaved at random.
 *  Returns every problem seen; empty lists mean a pass. */
export async function runCoreShard(index: number): Promise<ShardResult> {
  const { seed, count } = SHARDS[index]!;
  const r = rng(seed);
  const db = await openTestDb();
  try {
    await makeWorld(db); // mentees proposed / waiting / matched / ended, demo mentors, the coordinator
    const bot = await createBotHarness(db);
    const caps = ALL_CAPABILITIES.map((f) =>
      f({ db: db.prisma, clock: bot.clock, logger: pino({ level: "silent" }), settings: DEFAULT_SETTINGS, erase: erasePerson }),
    );
    const commands = caps.flatMap((c) => c.commands ?? []);
    const words = [...CORE_COMMANDS, ...commands.flatMap((c) => c.words)];
    // The commands of a persona's own role (coordinator tools, mentee relay…), typed more often by them.
    const roleWords = (role: string) => commands.filter((c) => c.roles?.includes(role)).flatMap((c) => c.words);
    const ownWords: Partial<Record<Kind, string[]>> = { coordinator: roleWords("coordinator"), mentor: roleWords("mentor"), world: roleWords("mentee") };
    // The replies a crash (or a database error taken for an outage) produces instead of an answer.
    const errors = new Set((["da", "en"] as const).flatMap((l) => [t(l, "common.error"), t(l, "common.unavailable")]));
    const personas = new Map<string, Persona>();
    const add = (id: string, kind: Kind) => personas.set(id, { id, kind, buttons: [], tokens: new Set() });
    for (let n = 0; n < 16; n++) add(`console:fz${index}-new${n}`, "new");
    for (let n = 0; n < 11; n++) add(`console:fz${index}-intake${n}`, "intake");
    for (const k of ["ali", "noor", "sara", "mia", "bo"]) add(`console:${k}`, "world");
    for (const k of ["anna", "karen", "lars", "omar"]) add(`console:${k}`, "mentor");
    add("console:coordinator", "coordinator");
    const byKind = (k: Kind) => [...personas.values()].filter((p) => p.kind === k);
    // Replies may echo what people typed ("undefined" as a name): a leak counts only if nobody who
    // could be shown it typed it. Staff (mentors, the coordinator) see others' names and answers.
    const [staff, everything] = [new Set<string>(), new Set<string>()];
    const failures: Failure[] = [];
    const fail = (i: number, from: string, event: unknown, problem: string) =>
      void (failures.length < 30 && failures.push({ i, from, event: show(event), problem }));
    const check = (i: number, p: Persona, event: unknown, texts: string[]) => {
      const allowed = p.kind === "mentor" || p.kind === "coordinator" ? everything : new Set([...p.tokens, ...staff]);
      for (const text of texts) {
        if (!text.trim()) fail(i, p.id, event, "empty reply text");
        if (errors.has(text)) fail(i, p.id, event, "the generic error reply: handling crashed");
        for (const m of text.matchAll(LEAK)) if (!allowed.has(m[0])) fail(i, p.id, event, `reply leaks ${m[0]}: ${text.slice(0, 300)}`);
      }
    };
    const send = async (i: number, p: Persona, event: InboundEvent): Promise<OutboundMessage[] | undefined> => {
      for (const tok of leakTokens(event.text, event.action, event.displayName, ...Object.values(event.fields ?? {}))) {
        p.tokens.add(tok);
        everything.add(tok);
        if (p.kind === "mentor" || p.kind === "coordinator") staff.add(tok);
      }
      try {
        const { from: _from, ...rest } = event;
        return await bot.say(p.id, rest);
      } catch (err) {
        fail(i, p.id, event, `handle() threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return undefined;
      }
    };
    const remember = (p: Persona, replies: OutboundMessage[]) => {
      if (replies.some((m) => m.buttons?.length)) p.buttons = replies.flatMap((m) => m.buttons ?? []);
      p.form = replies.find((m) => m.form)?.form?.fields.map((f) => f.name);
    };

    // Mentees mid-intake, mentors and a coordinator signing up: set up first, not counted.
    for (const [n, p] of byKind("intake").entries()) {
      const role = n < 8 ? "role:mentee" : n < 10 ? "role:mentor" : "role:coordinator";
      for (const e of [{ text: "hej", locale: n % 2 ? "en-GB" : "da-DK" }, { action: role }]) remember(p, (await send(-1, p, { from: p.id, ...e })) ?? []);
      for (let s = 0; s < n % 5 && p.buttons.length; s++) remember(p, (await send(-1, p, { from: p.id, action: pick(r, p.buttons).action })) ?? []);
    }

    const recent: { p: Persona; event: InboundEvent; texts: string[] }[] = [];
    let seen = bot.delivered.length;
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % 500 === 0) {
        // Time passes: check-ins, reminders and offer timeouts fire, and their buttons get pressed.
        bot.clock.advance(9 * 36e5);
        await bot.app.tick().catch((err: unknown) => fail(i, "tick", {}, `tick threw: ${String(err)}`));
      }
      if (recent.length && r() < 0.02) {
        // A platform redelivers an event: nothing new may happen; at most the same answer again.
        const d = pick(r, recent);
        const texts = (await send(i, d.p, d.event))?.map((m) => m.text) ?? [];
        if (texts.length && texts.join("\n") !== d.texts.join("\n"))
          fail(i, d.p.id, d.event, `a duplicate got a new answer: ${texts.join(" | ").slice(0, 300)}`);
        continue;
      }
      let k = r();
      const kind = WEIGHTS.find(([, w]) => (k -= w) < 0)?.[0] ?? "new";
      const p: Persona = kind === "new" && r() < 0.1 ? { id: `console:fz${index}-once${i}`, kind, buttons: [], tokens: new Set() } : pick(r, byKind(kind));
      const c = r();
      const msg: FuzzMessage =
        p.form && c < 0.5
          ? {
              fields: Object.fromEntries(
                p.form.map((f) => [
                  f,
                  r() < 0.5
                    ? pick(r, ANSWERS)
                    : f === "csv" && r() < 0.5
                      ? `navn;email;branche;kommune\n${hostileText(r).slice(0, 200)};fz@example.dk;it;aarhus`
                      : hostileText(r).slice(0, 5000),
                ]),
              ),
            }
          : p.buttons.length && c < (kind === "intake" ? 0.5 : 0.3)
            ? { action: pick(r, p.buttons).action }
            : ownWords[kind] && c > 0.9
              ? { text: randomCommand(r, ownWords[kind]) }
              : randomMessage(r, words);
      // Most events carry a platform id (so redeliveries can be recognised); some a platform locale or display name.
      const event: InboundEvent = { from: p.id, ...msg, ...(r() < 0.7 ? { eventId: `fz${index}-${i}` } : {}) };
      if (r() < 0.08) event.locale = pick(r, ["da-DK", "en-US", "en", "DA", "xx", "", "\u0000", "\uD800"]);
      if (r() < 0.05) event.displayName = hostileText(r).slice(0, 200);
      const failed = failures.length;
      const replies = await send(i, p, event);
      if (replies?.length === 0) fail(i, p.id, event, "no reply");
      check(i, p, event, replies?.map((m) => m.text) ?? []);
      remember(p, replies ?? []);
      if (failures.length > failed) {
        // A crash rolled the step back: the stored state is the one the message crashed in.
        const row = await db.prisma.identity.findUnique({
          where: { externalId: p.id },
          select: { person: { select: { roles: true, conversation: { select: { data: true } } } } },
        });
        failures[failures.length - 1]!.state = row?.person;
      }
      if (event.eventId && replies && recent.push({ p, event, texts: replies.map((m) => m.text) }) > 50) recent.shift();
      // What the outbox delivered meanwhile (proposals, offers, relays): checked, and its buttons pressed.
      for (const m of bot.delivered.slice(seen)) {
        const to = personas.get(m.to);
        check(i, to ?? { id: m.to, kind: "coordinator", buttons: [], tokens: new Set() }, { delivered: m.to }, [m.text]);
        if (to && m.buttons?.length) to.buttons = m.buttons;
      }
      seen = bot.delivered.length;
    }
    return { failures, inconsistencies: await inconsistencies(db.prisma), sent: count };
  } finally {
    await db.close();
  }
}

/** Database invariants after the storm: one row each where there must be one, no orphans. */
async function inconsistencies(prisma: Db): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => prisma.$queryRawUnsafe<unknown[]>(sql);
  const found: Record<string, unknown[]> = {
    twoConversations: await q(`SELECT "personId" FROM "Conversation" GROUP BY 1 HAVING count(*) > 1`),
    // Imported mentors wait for their invitation without an identity; everybody else has one.
    personWithoutIdentity: await q(`SELECT p.id FROM "Person" p LEFT JOIN "MentorProfile" m ON m."personId" = p.id
      WHERE NOT EXISTS (SELECT 1 FROM "Identity" i WHERE i."personId" = p.id) AND m.status IS DISTINCT FROM 'invited'`),
    // The person is created before the step's transaction: a crash there would leave one without a conversation.
    identityWithoutConversation: await q(
      `SELECT "externalId" FROM "Identity" i WHERE NOT EXISTS (SELECT 1 FROM "Conversation" c WHERE c."personId" = i."personId")`,
    ),
    badConversationState:
      await q(`SELECT "personId", data FROM "Conversation" WHERE NOT (data->>'mode' = ANY (ARRAY['new','language','role','flow','idle','paused','confirm_delete','task']))
      OR (data->>'mode' = 'flow' AND data->'flow' IS NULL) OR (data->>'mode' = 'task' AND data->'task' IS NULL)`),
    twoLiveMatches: await q(`SELECT "menteeId" FROM "Match" WHERE status IN ('active','paused') GROUP BY 1 HAVING count(*) > 1`),
    twoOpenProposals: await q(`SELECT "menteeId" FROM "Proposal" WHERE status IN ('proposed','held','offered') GROUP BY 1 HAVING count(*) > 1`),
  };
  return Object.fromEntries(Object.entries(found).filter(([, rows]) => rows.length));
}

// Vitest runs one file at a time on a 2-core machine (maxWorkers = cores − 1), and the core is
// CPU-bound in PGlite: a second shard in a worker thread (TypeScript via tsx) uses the other core.
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
import("tsx/esm/api")
  .then(({ register }) => (register(), import(workerData.module)))
  .then((m) => m.runCoreShard(workerData.index))
  .then((result) => parentPort.postMessage({ result }), (e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));`;

export function runCoreShardInWorker(index: number): Promise<ShardResult> {
  const worker = new Worker(WORKER, { eval: true, workerData: { module: import.meta.url, index } });
  return new Promise<ShardResult>((resolve, reject) => {
    worker.once("message", (m: { result?: ShardResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(m.error))));
    worker.once("error", reject).once("exit", (code) => reject(new Error(`fuzz worker exited with code ${code} before reporting`)));
  }).finally(() => void worker.terminate());
}

// End-to-end message throughput and latency through the Telegram adapter, against the fake Bot API
// (test/fakes/fake-telegram.ts), side by side with a bare telegraf echo bot on the same fake.
//   npx tsx bench/telegram-throughput.ts [--messages 1000] [--users 50] [--smoke = 100 / 10] [--trace]
// M users talk at once; each sends its next message when the previous update is acknowledged (the
// bot's next getUpdates), as a person answers after the bot replied. Mentorbro users walk through the
// Danish mentee intake (text answers and button presses); the echo bot gets the same messages with
// each button press sent as its label text (a bare echo bot only answers text).
// Latency: update queued in the fake → first sendMessage to that chat. Both bots long-poll.
import { performance } from "node:perf_hooks";
import pino from "pino";
import { Telegraf } from "telegraf";
import { createTelegramAdapter } from "../adapters/telegram/index.js";
import { createApp } from "../src/app.js";
import { systemClock } from "../src/core/clock.js";
import type { BotCore, Channel, Platform } from "../src/core/messages.js";
import { openDatabase } from "../src/infra/db/database.js";
import { t } from "../src/core/i18n/index.js";
import { ensureProgramme } from "../src/infra/seed/programme.js";
import { startFakeTelegram, type FakeTelegram } from "../test/fakes/fake-telegram.js";
import { parseArgs } from "./lib/args.js";
import { fmt, percentile, table } from "./lib/stats.js";

const TOKEN = "123456:BENCH";

type Step = { text: string } | { action: string; label: string };
// The Danish mentee intake as in test/flows/intake-transcripts.test.ts, without the language choice
// (a Telegram user with language_code "da" is greeted in Danish at once); then status questions.
const INTAKE: Step[] = [
  { text: "hej" },
  { text: "jeg vil gerne have en mentor" },
  { text: "ja" },
  { action: "yes", label: "Ja" },
  { text: "Ja tak" },
  { text: "Ali" },
  { text: "2" },
  { text: "spring over" },
  { text: "ingeniør" },
  { text: "5 år på et lager" },
  { text: "it og byggeri" },
  { text: "job, praktik" },
  { action: "opt:cv", label: "CV" },
  { action: "opt:network", label: "Netværk" },
  { action: "multi:done", label: "Færdig" },
  { text: "dansk, arabisk" },
  { text: "Aarhus" },
  { text: "hverdage aften" },
  { text: "1. december" },
  { text: "1" },
  { text: "intet ønske" },
  { action: "skip", label: "Spring over" },
  { text: "3" },
  { text: "nej" },
  { text: "3" },
  { action: "opt:2", label: "2" },
  { text: "4" },
  { action: "summary:confirm", label: "Bekræft" },
];
const AFTER_INTAKE: Step = { text: "status" };
const asText = (s: Step): Step => ("action" in s ? { text: s.label } : s);

interface Bot {
  name: string;
  fake: FakeTelegram;
  /** Problems the bot reported (error replies, adapter errors); must stay 0. */
  errors(): number;
  /** Text the first reply to a user's first message must contain (proves the script fits the bot). */
  firstReply: string;
  stop(): Promise<void>;
}

interface Result {
  messages: number;
  seconds: number;
  /** CPU time of this process (bot + fake + load driver) over the run; less skewed by other load. */
  cpuSeconds: number;
  latencies: number[];
  unanswered: number;
}

/** Calls `onSend(chatId, messageId)` whenever the bot sends something (the fake only records). */
function watchSends(fake: FakeTelegram, onSend: (chatId: string, messageId: number, text: string) => void): void {
  const rendered = fake.rendered;
  const push = rendered.push.bind(rendered);
  rendered.push = (...items) => {
    const n = push(...items);
    for (const r of items) onSend(r.target, r.messageId, r.text);
    return n;
  };
}

async function runLoad(bot: Bot, opts: { users: number; perUser: number; firstUserId: number; textOnly: boolean }): Promise<Result> {
  const pending = new Map<string, number>();
  const lastMessage = new Map<string, number>();
  const latencies: number[] = [];
  let unanswered = 0;
  let nextUpdate = opts.firstUserId * 100;
  watchSends(bot.fake, (chat, messageId) => {
    lastMessage.set(chat, messageId);
    const t0 = pending.get(chat);
    if (t0 === undefined) return;
    latencies.push(performance.now() - t0);
    pending.delete(chat);
  });

  async function user(id: number): Promise<void> {
    const chat = { id, type: "private", first_name: `U${id}` };
    const from = { id, is_bot: false, first_name: `U${id}`, language_code: "da" };
    for (let i = 0; i < opts.perUser; i++) {
      const step = opts.textOnly ? asText(INTAKE[i] ?? AFTER_INTAKE) : (INTAKE[i] ?? AFTER_INTAKE);
      const update_id = nextUpdate++;
      const update =
        "action" in step
          ? {
              update_id,
              callback_query: {
                id: `cb${update_id}`,
                from,
                chat_instance: "bench",
                data: step.action,
                message: { message_id: lastMessage.get(String(id)) ?? 1, date: 0, chat, from: { id: 999, is_bot: true, first_name: "Mentorbro" }, text: "…" },
              },
            }
          : { update_id, message: { message_id: update_id, date: 0, chat, from, text: step.text } };
      pending.set(String(id), performance.now());
      await bot.fake.deliver(update);
      if (pending.delete(String(id))) unanswered++;
    }
  }

  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: opts.users }, (_, k) => user(opts.firstUserId + k)));
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { messages: opts.users * opts.perUser, seconds, cpuSeconds: (used.user + used.system) / 1e6, latencies, unanswered };
}

async function startEcho(): Promise<Bot> {
  const fake = await startFakeTelegram(TOKEN);
  const bot = new Telegraf(TOKEN, { telegram: { webhookReply: false, apiRoot: fake.url } });
  bot.on("text", (ctx) => ctx.reply(ctx.message.text));
  let errors = 0;
  bot.catch(() => void errors++);
  bot.botInfo = await bot.telegram.getMe();
  const polling = bot.launch();
  return {
    name: "telegraf echo",
    fake,
    firstReply: "hej",
    errors: () => errors,
    async stop() {
      bot.stop("bench done");
      await polling.catch(() => undefined);
      await fake.close();
    },
  };
}

async function startMentorbro(): Promise<Bot> {
  const fake = await startFakeTelegram(TOKEN);
  const database = await openDatabase({ dataDir: "memory://" });
  await ensureProgramme(database.prisma);
  let adapterErrors = 0;
  let errorReplies = 0;
  // An error, or "choose one of the buttons" (the script answered a question it was not asked).
  const wrong = [t("da", "common.error"), t("da", "common.choose_from")];
  watchSends(fake, (_chat, _id, text) => {
    if (wrong.some((w) => text.includes(w))) errorReplies++;
  });
  // The adapter needs the core and the core needs the adapter's channel: late-bound, as in main.ts.
  const late: { core?: BotCore } = {};
  const adapter = createTelegramAdapter({
    token: TOKEN,
    core: { handle: (event, deliver) => late.core!.handle(event, deliver) },
    mode: { kind: "polling" },
    apiRoot: fake.url,
    onError: () => void adapterErrors++,
  });
  const app = createApp({
    db: database.prisma,
    clock: systemClock,
    logger: pino({ level: "silent" }),
    channels: new Map<Platform, Channel>([["telegram", adapter.channel]]),
    defaultLocale: "da",
    codes: { coordinator: "bench-coordinator" },
    workerId: "bench",
  });
  late.core = app.core;
  await adapter.start();
  return {
    name: "mentorbro",
    fake,
    firstReply: t("da", "welcome.who"),
    errors: () => adapterErrors + errorReplies,
    async stop() {
      await adapter.stop();
      await fake.close();
      await database.close();
    },
  };
}

const FIRST_USER = 10_000;

/** Every user followed the same script, so every transcript must be the same (bar numbers such as a
 * waiting-list position), and start right. */
function checkTranscripts(bot: Bot, users: number): string[] {
  const byUser = new Map<string, string[]>();
  for (const r of bot.fake.rendered) {
    const id = Number(r.target);
    if (id >= FIRST_USER && id < FIRST_USER + users) byUser.set(r.target, [...(byUser.get(r.target) ?? []), r.text.replace(/\d+/g, "#")]);
  }
  const reference = byUser.get(String(FIRST_USER)) ?? [];
  const differing = [...byUser.values()].filter((texts) => texts.join("\n") !== reference.join("\n")).length;
  return [
    ...(reference[0]?.includes(bot.firstReply) ? [] : [`the first reply is not the expected one`]),
    ...(byUser.size !== users ? [`${users - byUser.size} users got no reply`] : []),
    ...(differing > 0 ? [`${differing} users got a different conversation than the first`] : []),
  ];
}

async function measure(start: () => Promise<Bot>, users: number, perUser: number, textOnly: boolean) {
  const bot = await start();
  try {
    // Warm-up on other users: JIT, connection pool and first queries are not what we measure.
    await runLoad(bot, { users: Math.min(users, 5), perUser: Math.min(perUser, 5), firstUserId: 900_000, textOnly });
    const result = await runLoad(bot, { users, perUser, firstUserId: FIRST_USER, textOnly });
    return { name: bot.name, result, errors: bot.errors(), problems: checkTranscripts(bot, users), trace: bot.fake.rendered };
  } finally {
    await bot.stop();
  }
}

async function main(): Promise<void> {
  const args = parseArgs();
  const smoke = args.has("smoke");
  const messages = args.num("messages", smoke ? 100 : 1000);
  const users = args.num("users", smoke ? 10 : 50);
  const perUser = Math.max(1, Math.round(messages / users));
  console.log(`telegram throughput: ${users} users × ${perUser} messages = ${users * perUser} per bot, long polling, fake Bot API`);

  const runs = [await measure(startEcho, users, perUser, true), await measure(startMentorbro, users, perUser, false)];
  const rows = runs.map(({ name, result: r }) => [
    name,
    r.messages,
    fmt(r.seconds, 2),
    fmt(r.messages / r.seconds, 0),
    fmt(percentile(r.latencies, 50)),
    fmt(percentile(r.latencies, 99)),
    fmt((r.cpuSeconds * 1000) / r.messages, 2),
  ]);
  console.log(table(["bot", "messages", "seconds", "msgs/s", "p50 ms", "p99 ms", "cpu ms/msg"], rows));
  const [echo, mb] = runs.map((r) => r.result) as [Result, Result];
  const rate = (r: Result) => r.messages / r.seconds;
  const p = (r: Result, q: number) => percentile(r.latencies, q);
  console.log(
    `ratio mentorbro ÷ echo: msgs/s ${fmt(rate(mb) / rate(echo), 3)}, p50 ${fmt(p(mb, 50) / p(echo, 50))}×, ` +
      `p99 ${fmt(p(mb, 99) / p(echo, 99))}×, cpu/msg ${fmt(mb.cpuSeconds / mb.messages / (echo.cpuSeconds / echo.messages))}×`,
  );
  if (args.has("trace")) {
    const first = String(FIRST_USER);
    const sent = runs[1]!.trace.filter((r) => r.target === first).map((r) => `  ${r.text.replace(/\s+/g, " ").slice(0, 70)}`);
    console.log(`first user's replies:\n${sent.join("\n")}`);
  }
  const problems = runs.flatMap((r) => [
    ...r.problems.map((p) => `${r.name}: ${p}`),
    ...(r.errors > 0 ? [`${r.name}: ${r.errors} errors`] : []),
    ...(r.result.unanswered > 0 ? [`${r.name}: ${r.result.unanswered} messages without a reply`] : []),
  ]);
  if (problems.length > 0) {
    console.error(`FAILED: ${problems.join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

// Composition root: configuration → database → core → channels → scheduler. The only place that
// reads the real clock for scheduling (node-cron) and decides which channels run: the console chat
// when no platform is configured (or with --console / --jsonl), and every configured platform.
import "dotenv/config";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join, resolve } from "node:path";
import { appSettings, ConfigError, enabledPlatforms, loadConfig, redactConfig, type Config } from "./config.js";
import { PLATFORMS } from "../adapters/platforms.js";
import { DEFAULT_SETTINGS } from "./core/capability.js";
import { AdjustableClock } from "./core/clock.js";
import { asMentorbroError, isRetryable } from "./core/errors.js";
import type { BotCore, Channel, Platform } from "./core/messages.js";
import { openDatabase } from "./infra/db/database.js";
import { t } from "./core/i18n/index.js";
import { createLogger, type Logger } from "./infra/logger.js";
import { createApp } from "./app.js";
import { createRateLimiter, parseRateLimits } from "./infra/outbox/rate-limit.js";
import { ensureProgramme } from "./infra/seed/programme.js";
import { seedDemo } from "./infra/seed/demo-data.js";
import { startScheduler } from "./scheduler.js";
import { createConsoleChannel } from "../adapters/console/console-channel.js";
import { releaseAllClaims } from "./infra/outbox/outbox.js";
import { runConsole } from "../adapters/console/run-console.js";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The terminal chat logs to a file (logs would drown the conversation); --jsonl to stderr; a server to stdout. */
async function openLogger(config: Config, mode: "chat" | "jsonl" | "server"): Promise<Logger> {
  if (mode === "server") return createLogger(config.LOG_LEVEL, process.stdout);
  if (mode === "jsonl" || config.DATA_DIR.startsWith("memory://")) return createLogger(config.LOG_LEVEL, process.stderr);
  mkdirSync(resolve(config.DATA_DIR), { recursive: true });
  const file: WriteStream = createWriteStream(join(resolve(config.DATA_DIR), "mentorbro.log"), { flags: "a" });
  await new Promise((r) => file.once("open", r));
  return createLogger(config.LOG_LEVEL, file);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, PLATFORMS);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const jsonl = process.argv.includes("--jsonl");
  const platforms = enabledPlatforms(config, PLATFORMS);
  const withConsole = platforms.length === 0 || jsonl || process.argv.includes("--console");
  const logger = await openLogger(config, jsonl ? "jsonl" : withConsole ? "chat" : "server");
  logger.info({ config: redactConfig(config), platforms, console: withConsole }, "starting");

  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, startTimeoutMs: config.DB_START_TIMEOUT_MS }).catch(
    (err) => {
      const e = asMentorbroError(err);
      fail(`Could not open the database (${e.code}): ${e.message}`);
    },
  );
  const db = database.prisma;
  // Embedded: one process only, so claims still held belong to a process that died.
  if (database.kind === "pglite") await releaseAllClaims(db);
  const clock = new AdjustableClock();
  const programmeId = await ensureProgramme(db);
  // Demo mentors must never be matched with real people: by default only the console gets them.
  if (config.DEMO_DATA ?? platforms.length === 0) await seedDemo(db, programmeId, clock.now());
  logger.info({ db: database.kind, ms: Date.now() - started }, "database ready");

  const channels = new Map<Platform, Channel>();
  // Adapters need the core and the core needs their channels: adapters get a late-bound core.
  const late: { core?: BotCore } = {};
  const lateCore: BotCore = { handle: (event, deliver) => late.core!.handle(event, deliver) };
  const server =
    platforms.length === 0
      ? undefined
      : await (
          await import("../adapters/start-platforms.js")
        ).createPlatforms({
          config,
          core: lateCore,
          ping: () => database.ping(),
          onError: (err, context) => logger.warn({ code: asMentorbroError(err).code, where: context.split(" ")[0] }, "adapter error"),
        });
  server?.channels.forEach((channel, platform) => channels.set(platform, channel));
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const consoleChannel = withConsole ? createConsoleChannel(write, jsonl ? "jsonl" : "text") : undefined;
  if (consoleChannel) channels.set("console", consoleChannel);
  const app = createApp({
    db,
    clock,
    logger,
    channels,
    defaultLocale: config.DEFAULT_LOCALE,
    codes: { coordinator: config.COORDINATOR_INVITE_CODE, mentor: config.MENTOR_INVITE_CODE },
    settings: appSettings(config, DEFAULT_SETTINGS),
    // Per-platform send limits (retry-after from a platform holds off only that platform).
    rateLimiter: createRateLimiter(parseRateLimits(config.SEND_RATE_LIMITS, Object.fromEntries(PLATFORMS.map((p) => [p.name, p.sendLimit])))),
    // Several sends in flight hide platform latency; the console has none, and one at a time keeps
    // a crash from catching more than one message between sending and confirming.
    sendConcurrency: platforms.length > 0 ? 8 : 1,
    scrub: database.scrub,
  });
  late.core = app.core;
  const scheduler = startScheduler(config.SCHEDULER_CRON, () => app.tick(), logger);

  let stopping: Promise<void> | undefined;
  // Graceful: stop taking updates and let in-flight ones finish, stop the scheduler after its
  // running tick, then close the database. A second signal does not cut this short.
  const shutdown = (code: number) =>
    (stopping ??= (async () => {
      logger.info({ code }, "stopping");
      await server?.stop().catch((err: unknown) => logger.error({ code: asMentorbroError(err).code }, "stopping adapters failed"));
      await scheduler.stop();
      await database.close().catch(() => undefined);
      process.exit(code);
    })());
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(0));
  process.on("unhandledRejection", (err) => logger.error({ code: asMentorbroError(err).code }, "unhandled rejection"));

  if (server) {
    const port = await server.start().catch(async (err: unknown) => {
      await database.close().catch(() => undefined);
      fail(`Mentorbro stopped: ${asMentorbroError(err).message}`, 1);
    });
    logger.info({ platforms, port, host: config.HTTP_HOST }, "platforms started");
  }
  // What a previous run left unsent (its replies included) goes out before anything new.
  await app.sender.drain().catch((err: unknown) => logger.warn({ code: asMentorbroError(err).code }, "sending what was left failed; the scheduler retries"));
  if (!consoleChannel) return;
  await runConsole({
    core: app.core,
    channel: consoleChannel,
    clock,
    tick: () => app.tick(),
    input: process.stdin,
    write,
    mode: jsonl ? "jsonl" : "text",
    onError: (err) => {
      const code = asMentorbroError(err).code;
      logger.error({ code }, "console message failed");
      // The core has already said "the answer will come" when the message could not be stored.
      return isRetryable(asMentorbroError(err)) ? undefined : t(config.DEFAULT_LOCALE, "common.error");
    },
  });
  await shutdown(0);
}

main().catch((err) => {
  const e = asMentorbroError(err);
  process.stderr.write(`Mentorbro stopped: ${e.code}: ${e.message}\n`);
  process.exit(1);
});

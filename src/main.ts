// Composition root: configuration → database → core → channels → scheduler. The only place that
// reads the real clock for scheduling (node-cron) and decides which channels run.
import "dotenv/config";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import cron from "node-cron";
import { ConfigError, loadConfig, redactConfig, type Config } from "./config.js";
import { AdjustableClock } from "./core/clock.js";
import { asMentorbroError } from "./core/errors.js";
import type { Channel, Platform } from "./core/messages.js";
import { openDatabase } from "./db/database.js";
import { t } from "./i18n/index.js";
import { createLogger } from "./logger.js";
import { createApp } from "./app.js";
import { ensureProgramme } from "./seed/programme.js";
import { seedDemo } from "./seed/demo-data.js";
import { createConsoleChannel } from "../adapters/console/console-channel.js";
import { runConsole } from "../adapters/console/run-console.js";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const jsonl = process.argv.includes("--jsonl");
  const interactive = !jsonl;
  // In the terminal chat, logs would drown the conversation: they go to a file in DATA_DIR.
  let logDest: NodeJS.WritableStream = process.stderr;
  if (interactive && !config.DATA_DIR.startsWith("memory://")) {
    mkdirSync(resolve(config.DATA_DIR), { recursive: true });
    const { createWriteStream } = await import("node:fs");
    logDest = createWriteStream(join(resolve(config.DATA_DIR), "mentorbro.log"), { flags: "a" });
    await new Promise((r) => (logDest as import("node:fs").WriteStream).once("open", r));
  }
  const logger = createLogger(config.LOG_LEVEL, logDest);
  logger.info({ config: redactConfig(config) }, "starting");

  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, startTimeoutMs: config.DB_START_TIMEOUT_MS }).catch((err) => {
    const e = asMentorbroError(err);
    fail(`Could not open the database (${e.code}): ${e.message}`);
  });
  const db = database.prisma;
  const clock = new AdjustableClock();
  const programmeId = await ensureProgramme(db);
  if (config.DEMO_DATA) await seedDemo(db, programmeId, clock.now());
  logger.info({ db: database.kind, ms: Date.now() - started }, "database ready");

  const write = (line: string) => process.stdout.write(`${line}\n`);
  const channels = new Map<Platform, Channel>();
  const consoleChannel = createConsoleChannel(write, jsonl ? "jsonl" : "text");
  channels.set("console", consoleChannel);
  const app = createApp({
    db,
    clock,
    logger,
    channels,
    defaultLocale: config.DEFAULT_LOCALE,
    codes: { coordinator: config.COORDINATOR_INVITE_CODE, mentor: config.MENTOR_INVITE_CODE },
  });

  let stopping = false;
  const task = cron.schedule(config.SCHEDULER_CRON, () => {
    if (!stopping) app.tick().catch((err) => logger.error({ code: asMentorbroError(err).code }, "scheduled tick failed"));
  });
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await task.stop();
    await database.close().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(0));
  process.on("unhandledRejection", (err) => logger.error({ code: asMentorbroError(err).code }, "unhandled rejection"));

  await runConsole({
    core: app.core,
    channel: consoleChannel,
    clock,
    tick: () => app.tick(),
    input: process.stdin,
    write,
    mode: jsonl ? "jsonl" : "text",
    onError: (err) => {
      logger.error({ code: asMentorbroError(err).code }, "console message failed");
      return t(config.DEFAULT_LOCALE, "common.error");
    },
  });
  await shutdown(0);
}

main().catch((err) => {
  const e = asMentorbroError(err);
  process.stderr.write(`Mentorbro stopped: ${e.code}: ${e.message}\n`);
  process.exit(1);
});

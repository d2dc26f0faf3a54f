// The set-up most behaviour tests share: one in-memory database per file, emptied before each test,
// and a fresh bot on it. `prepare` seeds before the bot starts; `ready` receives both afterwards
// (tests keep their own `db`/`bot` variables, so their bodies read as before).
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createBotHarness, type BotHarness } from "./bot-harness.js";
import { openTestDb } from "./test-db.js";

export type TestDb = Awaited<ReturnType<typeof openTestDb>>;

export interface TestBotOptions {
  harness?: Parameters<typeof createBotHarness>[1];
  prepare?: (db: TestDb) => Promise<unknown>;
  ready: (db: TestDb, bot: BotHarness) => unknown;
}

export function useTestBot(opts: TestBotOptions): void {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => db?.close());
  beforeEach(async () => {
    await db!.reset();
    await opts.prepare?.(db!);
    const bot = await createBotHarness(db!, opts.harness);
    await opts.ready(db!, bot);
  });
}

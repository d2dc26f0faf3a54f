// Tests that look up texts without starting a bot: builds the app once (no database is touched
// while wiring), which adds every capability's catalogue part, exactly as production does.
import pino from "pino";
import { createApp } from "../../src/app.js";
import { FixedClock } from "../../src/core/clock.js";
import type { Db } from "../../src/infra/db/database.js";

let loaded = false;

export function loadAllTexts(): void {
  if (loaded) return;
  createApp({
    db: {} as Db,
    clock: new FixedClock(new Date(0)),
    logger: pino({ level: "silent" }),
    channels: new Map(),
    defaultLocale: "da",
    codes: { coordinator: "unused-in-tests" },
  });
  loaded = true;
}

// The real-time trigger for the core's jobs (node-cron; the core itself only sees the injected
// clock). Ticks never overlap, and stop() waits for a running tick so the database can close after.
import cron from "node-cron";
import { asMentorbroError } from "./core/errors.js";
import type { Logger } from "./infra/logger.js";

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(expression: string, tick: () => Promise<void>, logger: Logger): Scheduler {
  let running: Promise<void> | undefined;
  let stopped = false;
  const task = cron.schedule(expression, () => {
    if (stopped || running) return;
    running = tick()
      .catch((err: unknown) => logger.error({ code: asMentorbroError(err).code }, "scheduled tick failed"))
      .finally(() => {
        running = undefined;
      });
  });
  return {
    async stop() {
      stopped = true;
      await task.stop();
      await running;
    },
  };
}

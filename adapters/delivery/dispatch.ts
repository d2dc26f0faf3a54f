// The one path every adapter uses to hand an InboundEvent to the core and send the replies back
// through its own channel. Shared here (the adapters' common folder) so dedupe and error handling
// behave the same on every platform. No business logic: translate, call, send.
import { MentorbroError, isRetryable } from "../../src/core/errors.js";
import type { BotCore, Channel, InboundEvent } from "../../src/core/messages.js";
import { RecentIds } from "./recent-ids.js";
import type { ErrorSink } from "../platform.js";

export interface DispatchOptions {
  /** Platform side effects for a first delivery only, run before the core (e.g. answer a button press). */
  before?: () => Promise<unknown>;
}

/**
 * Resolves false when the event was a duplicate delivery and was dropped. Rejects with the core's
 * error when it is worth retrying (the database is unavailable): the transport then answers the
 * platform with a 5xx so it delivers the update again.
 */
export type Dispatch = (event: InboundEvent, options?: DispatchOptions) => Promise<boolean>;

export interface Dispatcher {
  dispatch: Dispatch;
  /** Waits for events in flight (adapter stop: let a started turn send its replies). */
  drain(): Promise<void>;
}

export function createDispatcher(core: BotCore, channel: Channel, onError: ErrorSink): Dispatcher {
  const recent = new RecentIds();
  const inFlight = new Set<Promise<boolean>>();
  const dispatch: Dispatch = (event, options) => {
    const run = handle(event, options);
    inFlight.add(run);
    // The caller handles a rejection; this bookkeeping branch must not become an unhandled one.
    const done = () => void inFlight.delete(run);
    run.then(done, done);
    return run;
  };
  return { dispatch, drain: async () => void (await Promise.allSettled([...inFlight])) };

  async function handle(event: InboundEvent, options?: DispatchOptions): Promise<boolean> {
    if (event.eventId !== undefined && !recent.add(event.eventId)) return false;
    if (options?.before) {
      // A failed cosmetic step (answering a callback) must not lose the user's answer.
      await options.before().catch((err: unknown) => onError(err, `before ${event.eventId ?? ""}`));
    }
    try {
      // The core sends each reply through the channel in order and confirms it; a reply the
      // platform refuses now is sent later by the outbox. The sender's conversationRef only
      // addresses the sender; others are reached by their id.
      await core.handle(event, (message) => channel.send(message, message.to === event.from ? event.conversationRef : undefined));
    } catch (err) {
      // Let a platform redelivery try again: the step was not committed.
      if (event.eventId !== undefined) recent.forget(event.eventId);
      onError(err, `core.handle ${event.eventId ?? ""}`);
      if (isRetryableFailure(err)) throw err;
      return true;
    }
    return true;
  }
}

/** True for failures a platform redelivery can fix (checked by each transport to pick a 5xx). */
export function isRetryableFailure(err: unknown): boolean {
  return err instanceof MentorbroError && isRetryable(err);
}

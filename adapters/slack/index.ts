// Slack adapter (@slack/bolt 5).
//
// Identities:  "slack:<teamId>:<userId>" — teamId of the workspace the event came through.
// Targets:     a person by identity; the coordinators' alert channel as "slack:<teamId>:<channelId>",
//              e.g. "slack:T1:C99" (invite the bot to that channel).
// eventId:     "slack:ev:<event_id>" for messages; interactions see inbound/to-event.ts.
// conversationRef: { teamId, channel } — the person's DM channel id; JSON-safe.
// Modes:       HTTP (route POST <path>, default /slack/events; signatures verified by Bolt's
//              HTTPReceiver with processBeforeResponse) or Socket Mode (no routes, app-level token).
// Files go out with files.uploadV2 (files:write).
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { BotCore } from "../../src/core/messages.js";
import { createDispatcher, isRetryableFailure } from "../delivery/dispatch.js";
import { holdWhileUnavailable } from "../delivery/hold.js";
import { defaultErrorSink, type ErrorSink, type PlatformAdapter, type Route } from "../platform.js";
import { registerListeners } from "./inbound/listeners.js";
import { createProfileLookup } from "./inbound/profiles.js";
import { createSlackChannel } from "./outbound/channel.js";

export type SlackMode = { kind: "http"; signingSecret: string; path?: string } | { kind: "socket"; appToken: string };

export interface SlackAdapterOptions {
  core: BotCore;
  /** Bot token (xoxb-…) of the one workspace this adapter serves. */
  botToken: string;
  mode: SlackMode;
  /** Web API root, e.g. "http://127.0.0.1:PORT/api/" in tests. Default https://slack.com/api/. */
  apiUrl?: string;
  /** Platform-level texts (the core's texts cover everything else). */
  texts?: { openForm?: string; numberInvalid?: string };
  logLevel?: LogLevel;
  onError?: ErrorSink;
  /** Socket Mode: first wait before retrying an event the core could not take (database down). */
  unavailableRetryMs?: number;
}

/** Slack's payloads are a few kB; the same 1 MB cap as the other routes (Bolt's default is 10 MB). */
const BODY_LIMIT_BYTES = 1_000_000;

export function createSlackAdapter(options: SlackAdapterOptions): PlatformAdapter {
  const onError = options.onError ?? defaultErrorSink;
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    // No sleeping and retrying inside a send: a 429 becomes RATE_LIMITED for the outbox to retry.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  };
  const { mode } = options;
  const path = mode.kind === "http" ? (mode.path ?? "/slack/events") : undefined;
  const receiver =
    mode.kind === "http"
      ? new HTTPReceiver({ signingSecret: mode.signingSecret, endpoints: path, processBeforeResponse: true, bodyLimit: BODY_LIMIT_BYTES })
      : new SocketModeReceiver({ appToken: mode.appToken, installerOptions: { clientOptions } });
  const app = new App({ token: options.botToken, receiver, clientOptions, logLevel: options.logLevel ?? LogLevel.WARN, deferInitialization: true });
  app.error(async (err) => {
    onError(err, "slack listener");
    // Over HTTP the answer waits for the listener (processBeforeResponse): rethrowing a failure
    // worth retrying (database down) makes it a 500, so Slack delivers the event again.
    if (mode.kind === "http" && isRetryableFailure(err)) throw err;
  });

  const channel = createSlackChannel(app.client, options.texts?.openForm ?? "Udfyld / Fill in");
  const dispatcher = createDispatcher(options.core, channel, onError);
  // Socket Mode acks before the listener runs: no redelivery, so hold and retry here instead.
  const hold = mode.kind === "http" ? undefined : holdWhileUnavailable(dispatcher.dispatch, options.unavailableRetryMs);
  registerListeners(app, {
    dispatch: hold?.dispatch ?? dispatcher.dispatch,
    profileOf: createProfileLookup(app.client),
    numberError: options.texts?.numberInvalid ?? "Skriv et tal / Enter a number",
  });

  const routes: Route[] =
    receiver instanceof HTTPReceiver && path
      ? [
          {
            method: "POST",
            path,
            handler: (req, res) => {
              // Bolt refuses a signature more than 5 minutes old but not one stamped in the future,
              // which a captured request could be replayed with for as long as the stamp reaches.
              if (!stampedNow(req.headers["x-slack-request-timestamp"])) return void res.writeHead(401).end();
              return receiver.requestListener(req, res);
            },
          },
        ]
      : [];

  return {
    channel,
    routes,
    async start() {
      // init() runs auth.test (bot user id, team id) before the first event.
      await app.init();
      if (receiver instanceof SocketModeReceiver) await receiver.start();
    },
    async stop() {
      hold?.stop();
      if (receiver instanceof SocketModeReceiver) await receiver.stop();
      await dispatcher.drain();
    },
  };
}

/** Slack's replay window is 5 minutes either way: a timestamp further in the future is refused too. */
const MAX_SKEW_SECONDS = 5 * 60;

function stampedNow(header: string | string[] | undefined): boolean {
  const stamp = Number(Array.isArray(header) ? header[0] : header);
  // A missing or malformed stamp is left to Bolt, which refuses it with its own check.
  if (!Number.isFinite(stamp)) return true;
  return stamp - Date.now() / 1000 <= MAX_SKEW_SECONDS;
}

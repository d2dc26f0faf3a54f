// Microsoft Teams adapter (botbuilder 4.23 CloudAdapter; all Bot Framework code stays in this folder
// so it can move to the Microsoft 365 Agents SDK, which speaks the same Activity protocol).
//
// Identities:  "teams:<aadObjectId>" (or "teams:<from.id>" without one) — see outbound/target.ts.
// Targets:     a person by identity; the coordinators' channel as "teams:channel:<conversationId>".
// eventId:     "teams:act:<activity.id>".
// conversationRef: the ConversationReference of the person's 1:1 chat (plain JSON).
// Route:       POST /api/messages (configurable), JWT-validated unless auth is explicitly disabled.
// Buttons and forms are Adaptive Cards 1.5 (outbound/cards.ts); Action.Execute invokes accepted too.
import { CloudAdapter, type TurnContext } from "botbuilder";
import type { BotCore } from "../../src/core/messages.js";
import { createDispatcher, isRetryableFailure } from "../http/dispatch.js";
import { defaultErrorSink, type ErrorSink, type PlatformAdapter } from "../http/types.js";
import { appIdOf, createAuthentication, type TeamsAuth } from "./auth/authentication.js";
import { toBotRequest, toBotResponse } from "./inbound/http-shim.js";
import { activityToEvent } from "./inbound/to-event.js";
import { createTeamsChannel } from "./outbound/channel.js";
import type { AlertChannelDefaults } from "./outbound/target.js";

export interface TeamsAdapterOptions {
  core: BotCore;
  /** Real Bot Framework auth, or { disabled: true } only by explicit configuration. */
  auth: TeamsAuth;
  path?: string;
  /** Needed to post to "teams:channel:<id>" targets without a stored reference. */
  alertChannel?: AlertChannelDefaults;
  onError?: ErrorSink;
}

const INVOKE_OK = { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "OK" };

export function createTeamsAdapter(options: TeamsAdapterOptions): PlatformAdapter {
  const onError = options.onError ?? defaultErrorSink;
  const adapter = new CloudAdapter(createAuthentication(options.auth));
  // The HTTP answer is 200 even when a turn fails; errors are reported, never sent to the user here.
  adapter.onTurnError = async (_ctx, err) => onError(err, "teams turn");
  const channel = createTeamsChannel(adapter, appIdOf(options.auth), options.alertChannel);
  const dispatcher = createDispatcher(options.core, channel, onError);

  async function onTurn(ctx: TurnContext, failed: { retryable: boolean; turnStarted: boolean }): Promise<void> {
    const event = activityToEvent(ctx.activity);
    const isInvoke = ctx.activity.type === "invoke";
    if (event) {
      try {
        await dispatcher.dispatch(event);
      } catch (err) {
        // The SDK would turn this into a logged 500; the route answers 503 itself instead.
        if (!isRetryableFailure(err)) throw err;
        failed.retryable = true;
        return;
      }
    }
    // Action.Execute expects an InvokeResponse in the HTTP body; replies went out as messages.
    if (isInvoke) await ctx.sendActivity({ type: "invokeResponse", value: { status: 200, body: INVOKE_OK } });
  }

  return {
    channel,
    routes: [
      {
        method: "POST",
        path: options.path ?? "/api/messages",
        async handler(req, res) {
          const botReq = await toBotRequest(req, res);
          if (!botReq) return;
          // A turn the core could not take (database down) is answered 503 so the channel retries.
          // A failure before any turn is the token check: the SDK raises a plain Error for a token
          // signed with an unknown key and would answer 500, but the caller is simply not allowed.
          const failed = { retryable: false, turnStarted: false };
          const status = (code: number) => (failed.retryable ? 503 : !failed.turnStarted && code >= 500 ? 401 : undefined);
          await adapter.process(botReq, toBotResponse(res, status), (ctx) => {
            failed.turnStarted = true;
            return onTurn(ctx, failed);
          });
        },
      },
    ],
    start: async () => undefined,
    stop: () => dispatcher.drain(),
  };
}

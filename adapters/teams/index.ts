// Microsoft Teams adapter (botbuilder 4.23 CloudAdapter; all Bot Framework code stays in this folder
// so it can move to the Microsoft 365 Agents SDK, which speaks the same Activity protocol).
//
// Identities:  "teams:<aadObjectId>" (or "teams:<from.id>" without one) — see outbound/target.ts.
// Targets:     a person by identity; the coordinators' channel as "teams:channel:<conversationId>".
// eventId:     "teams:act:<activity.id>".
// conversationRef: the ConversationReference of the person's 1:1 chat (plain JSON).
// Route:       POST /api/messages (configurable), JWT-validated unless auth is explicitly disabled.
// Buttons and forms are Adaptive Cards 1.5 (outbound/cards.ts); Action.Execute invokes accepted too.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from "botbuilder";
import type { ServerResponse } from "node:http";
import { AdapterError } from "../../src/core/errors.js";
import type { BotCore } from "../../src/core/messages.js";
import { createDispatcher, isRetryableFailure } from "../delivery/dispatch.js";
import { defaultErrorSink, type ErrorSink, type PlatformAdapter } from "../platform.js";
import { appIdOf, createAuthentication, type TeamsAuth } from "./auth/authentication.js";
import { loudly, quietly } from "./auth/quiet-sdk.js";
import { readActivity } from "./inbound/http-shim.js";
import { activityToEvent, tenantsOf } from "./inbound/to-event.js";
import { createContactLookup } from "./inbound/contact.js";
import { createTeamsChannel } from "./outbound/channel.js";
import type { AlertChannelDefaults } from "./outbound/target.js";

export interface TeamsAdapterOptions {
  core: BotCore;
  /** Real Bot Framework auth, or { disabled: true } only by explicit configuration. */
  auth: TeamsAuth;
  path?: string;
  /** Needed to post to "teams:channel:<id>" targets without a stored reference. */
  alertChannel?: AlertChannelDefaults;
  /**
   * Only activities from this Entra ID tenant are taken (403 otherwise). Default: the auth's
   * tenantId. A valid Bot Framework token says the activity came through Teams, not from whose
   * organisation: a multi-tenant bot would otherwise serve anyone who installs it.
   */
  tenantId?: string;
  onError?: ErrorSink;
}

const INVOKE_OK = { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "OK" };

/** CloudAdapter with its turn entry exposed: process() prints each refused token's stack to the console. */
class TeamsCloudAdapter extends CloudAdapter {
  run(authHeader: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

interface Turn {
  started: boolean;
  retryable: boolean;
  refused: boolean;
}

export function createTeamsAdapter(options: TeamsAdapterOptions): PlatformAdapter {
  const onError = options.onError ?? defaultErrorSink;
  const adapter = new TeamsCloudAdapter(createAuthentication(options.auth));
  // The HTTP answer is 200 even when a turn fails; errors are reported, never sent to the user here.
  adapter.onTurnError = async (_ctx, err) => onError(err, "teams turn");
  const channel = createTeamsChannel(adapter, appIdOf(options.auth), options.alertChannel);
  const dispatcher = createDispatcher(options.core, channel, onError);
  const tenantId = options.tenantId ?? (options.auth.disabled ? undefined : options.auth.tenantId);
  const contactOf = createContactLookup(onError);

  async function onTurn(ctx: TurnContext, turn: Turn): Promise<void> {
    // Checked once the token is: every tenant the activity names must be ours (none named: refused).
    const tenants = tenantsOf(ctx.activity);
    if (tenantId && (tenants.length === 0 || tenants.some((t) => t !== tenantId))) {
      turn.refused = true;
      onError(new AdapterError("teams", "NOT_ALLOWED", "activity from another tenant refused"), "teams tenant");
      return;
    }
    const found = activityToEvent(ctx.activity);
    // The contact is kept only from the person's own chat, so only there is it looked up.
    const contact = found?.conversation === "direct" ? await contactOf(ctx) : undefined;
    const event = found && contact ? { ...found, contact } : found;
    const isInvoke = ctx.activity.type === "invoke";
    if (event) {
      try {
        await dispatcher.dispatch(event);
      } catch (err) {
        // The route answers 503 itself, so the channel delivers the activity again.
        if (!isRetryableFailure(err)) throw err;
        turn.retryable = true;
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
          const activity = await readActivity(req, res);
          if (!activity) return;
          const auth = req.headers.authorization;
          const turn: Turn = { started: false, retryable: false, refused: false };
          let invoke: InvokeResponse | undefined;
          try {
            invoke = await quietly(() =>
              adapter.run(typeof auth === "string" ? auth : "", activity, (ctx) => {
                turn.started = true;
                return loudly(() => onTurn(ctx, turn));
              }),
            );
          } catch (err) {
            // A failure before any turn is the token check (a token signed with an unknown key
            // surfaces as a plain Error): the caller is not allowed. One line, no stack.
            if (!turn.started) {
              const why = err instanceof Error ? err.message : String(err);
              onError(new AdapterError("teams", "NOT_ALLOWED", `request refused: ${why.split("\n")[0]?.slice(0, 200) ?? ""}`), "teams auth");
              return reply(res, 401);
            }
            onError(err, "teams turn");
            return reply(res, 500);
          }
          if (turn.refused) return reply(res, 403);
          if (turn.retryable) return reply(res, 503);
          reply(res, invoke?.status ?? 200, invoke?.body);
        },
      },
    ],
    start: async () => undefined,
    stop: () => dispatcher.drain(),
  };
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

// Wires telegraf updates to the shared dispatcher.
import type { Telegraf } from "telegraf";
import type { Dispatch } from "../../delivery/dispatch.js";
import type { CallbackKeys } from "../outbound/callback-keys.js";
import { callbackToEvent, messageToEvent } from "./to-event.js";

export function registerHandlers(bot: Telegraf, dispatch: Dispatch, keys: CallbackKeys): void {
  bot.on("message", async (ctx) => {
    const event = messageToEvent(ctx.update.update_id, ctx.message);
    if (event) await dispatch(event);
  });

  bot.on("callback_query", async (ctx) => {
    const pressed = callbackToEvent(ctx.update.update_id, ctx.callbackQuery);
    if (!pressed) return void (await ctx.answerCbQuery().catch(() => undefined));
    const event = { ...pressed, action: keys.decode(pressed.action ?? "") };
    await dispatch(event, {
      // Stop the client's spinner and, in the person's own chat, remove the keyboard so the choice
      // cannot be made twice. A group's message (an alert) belongs to everyone there: it stays.
      before: () => Promise.all([ctx.answerCbQuery(), event.conversation === "group" ? undefined : ctx.editMessageReplyMarkup(undefined)]),
    });
  });
}

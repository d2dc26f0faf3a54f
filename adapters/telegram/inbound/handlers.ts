// Wires telegraf updates to the shared dispatcher.
import type { Telegraf } from "telegraf";
import type { Dispatch } from "../../delivery/dispatch.js";
import { callbackToEvent, messageToEvent } from "./to-event.js";

export function registerHandlers(bot: Telegraf, dispatch: Dispatch): void {
  bot.on("message", async (ctx) => {
    const event = messageToEvent(ctx.update.update_id, ctx.message);
    if (event) await dispatch(event);
  });

  bot.on("callback_query", async (ctx) => {
    const event = callbackToEvent(ctx.update.update_id, ctx.callbackQuery);
    if (!event) return void (await ctx.answerCbQuery().catch(() => undefined));
    await dispatch(event, {
      // Stop the client's spinner and, in the person's own chat, remove the keyboard so the choice
      // cannot be made twice. A group's message (an alert) belongs to everyone there: it stays.
      before: () => Promise.all([ctx.answerCbQuery(), event.conversation === "group" ? undefined : ctx.editMessageReplyMarkup(undefined)]),
    });
  });
}

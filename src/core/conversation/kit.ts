// The handler kit: the few things every capability's handlers need to answer a person, kept in
// one place so capabilities do not grow their own copies.
import { t, type Locale, type Params } from "../i18n/index.js";
import type { HandlerContext, HandlerResult } from "./handlers.js";

export { DAY } from "../../lib/time.js";

/** The first word of a display name ("Anna Holm" → "Anna"); `fallback` when there is none. */
export function firstName(name: string | null | undefined, fallback = ""): string {
  return (name ?? "").trim().split(/\s+/)[0] || fallback;
}

/** A one-line answer in the given language. */
export function reply(locale: Locale, key: string, params: Params = {}): HandlerResult {
  return { replies: [{ text: t(locale, key, params) }] };
}

/** A one-line answer to the person who wrote. */
export function say(ctx: Pick<HandlerContext, "person">, key: string, params: Params = {}): HandlerResult {
  return reply(ctx.person.locale, key, params);
}

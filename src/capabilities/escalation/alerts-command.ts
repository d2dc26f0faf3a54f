// "alerts" / "alarmer": a coordinator's list of unresolved alerts, oldest first, each with its
// buttons, so nothing depends on having seen the original notification.
import type { TextCommand } from "../../core/conversation/handlers.js";
import type { Reply } from "../../core/flows/types.js";
import { t } from "../../core/i18n/index.js";
import { statusText } from "./alert-actions.js";
import { kindText, renderedButtons, seenText, severityText, whenText } from "./alert-text.js";

const SHOWN = 10;

export function makeAlertsCommand(timezone: string): TextCommand {
  return {
    words: ["alerts", "alarmer"],
    roles: ["coordinator"],
    help: "esc.help",
    async handle(ctx) {
      const l = ctx.person.locale;
      const where = { status: { in: ["open", "acknowledged"] } };
      const [count, rows] = await Promise.all([
        ctx.tx.escalation.count({ where }),
        ctx.tx.escalation.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: SHOWN }),
      ]);
      if (count === 0) return { replies: [{ text: t(l, "esc.list_none") }] };
      const head = count > SHOWN ? t(l, "esc.list_more", { shown: SHOWN, count }) : t(l, "esc.list_head", { count });
      const items: Reply[] = [];
      for (const esc of rows) {
        const text = t(l, "esc.list_item", {
          what: kindText(l, esc.kind),
          severity: severityText(l, esc.severity),
          created: whenText(esc.createdAt, timezone),
          status: await statusText(ctx.tx, l, esc),
          seen: seenText(l, esc, timezone),
        });
        items.push({ text, buttons: renderedButtons(l, esc.id, esc.status) });
      }
      return { replies: [{ text: head }, ...items] };
    },
  };
}

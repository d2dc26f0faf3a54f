// "export" / "eksport" / "mine data": anyone gets everything held about them as a JSON file. A
// coordinator can add a name ("export Ali") to hand a citizen their data; that read is audit-logged.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { findPeople } from "../../infra/people/find.js";
import { pickPerson } from "../coordinator/index.js";
import { collectPersonData } from "./export-data.js";

export async function exportFor(ctx: HandlerContext, personId: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const data = await collectPersonData(ctx.tx, personId, ctx.now);
  if (!data) return { replies: [{ text: t(l, "co.person_none") }] };
  const own = personId === ctx.person.id;
  await ctx.tx.auditLog.create({ data: { actorId: ctx.person.id, action: own ? "person.exported" : "coordinator.export", subjectId: personId, at: ctx.now } });
  const json = JSON.stringify(data, null, 2);
  const name = `mentorbro-data-${ctx.now.toISOString().slice(0, 10)}.json`;
  return {
    replies: [
      {
        text: t(l, own ? "priv.export_done" : "priv.export_done_other"),
        file: { name, mime: "application/json", base64: Buffer.from(json, "utf8").toString("base64") },
      },
    ],
  };
}

async function exportCommand(ctx: HandlerContext, args: string): Promise<HandlerResult> {
  const who = args.trim();
  if (!who || !ctx.person.roles.includes("coordinator")) return exportFor(ctx, ctx.person.id);
  const found = await findPeople(ctx.tx, who);
  if (found.length === 0) return { replies: [{ text: t(ctx.person.locale, "co.person_none") }] };
  if (found.length > 1) return pickPerson(ctx, found, "x");
  return exportFor(ctx, found[0]!.id);
}

export const exportCommandDef: TextCommand = {
  words: ["export", "eksport", "eksporter", "mine data", "my data", "download my data", "hent mine data"],
  args: true,
  help: "priv.help_export",
  handle: exportCommand,
};

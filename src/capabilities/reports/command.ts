// "report [from] [to]" / "rapport": the programme report as text, a chart and a CSV file.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { computeReport } from "./compute.js";
import { parsePeriod } from "./period.js";
import { reportChart, reportCsv, reportText } from "./render.js";

async function runReport(ctx: HandlerContext, args: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const period = parsePeriod(args, ctx.now);
  if (!period) return { replies: [{ text: t(l, "rep.bad_period") }] };
  const report = await computeReport(ctx.tx, period, ctx.now);
  // Aggregates only, so no person is the subject; the run itself is still recorded.
  await ctx.tx.auditLog.create({ data: { actorId: ctx.person.id, action: "report.run", details: { first: period.first, last: period.last }, at: ctx.now } });
  const base = `mentorbro-${t(l, "rep.file_word")}-${period.first}-${period.last}`;
  return {
    replies: [
      { text: reportText(report, l) },
      { text: t(l, "rep.chart_caption"), file: { name: `${base}.png`, mime: "image/png", base64: reportChart(report, l).toString("base64") } },
      { text: t(l, "rep.csv_caption"), file: { name: `${base}.csv`, mime: "text/csv", base64: Buffer.from(reportCsv(report, l), "utf8").toString("base64") } },
    ],
  };
}

export const reportCommand: TextCommand = { words: ["report", "rapport"], args: true, roles: ["coordinator"], help: "rep.help", handle: runReport };

// "import" / "importer": a coordinator imports the mentor spreadsheet as CSV. On Slack and Teams a
// form takes the pasted file; everywhere the text can follow the command, come in one message, or
// line by line ending with "done". Platforms that send the file as an attachment put its text in
// event.fields.csv.
import type { HandlerContext, HandlerResult, TaskHandler, TextCommand } from "../../core/conversation/handlers.js";
import type { Reply } from "../../core/flows/types.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { fold } from "../../lib/text/normalize.js";
import { importMentors, type ImportResult } from "./mentor-import.js";

const SHOWN_ERRORS = 40;
const MAX_CHARS = 400_000;
export const IMPORT_FORM_ID = "co:import";

function csvField(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function importReplies(r: ImportResult, l: Locale): Reply[] {
  if (r.fileError) return [{ text: t(l, `imp.file.${r.fileError.code}`, { value: r.fileError.value ?? "" }) }];
  const created = r.invitations.filter((i) => i.status === "new").length;
  const existing = r.invitations.length - created;
  const lines = [t(l, "imp.summary", { rows: r.rows, created, existing, errors: new Set(r.errors.map((e) => e.line)).size })];
  for (const e of r.errors.slice(0, SHOWN_ERRORS)) lines.push(`• ${t(l, "imp.row", { line: e.line })}: ${t(l, `imp.err.${e.code}`, { value: e.value ?? "" })}`);
  if (r.errors.length > SHOWN_ERRORS) lines.push(t(l, "imp.more_errors", { count: r.errors.length - SHOWN_ERRORS }));
  const replies: Reply[] = [{ text: lines.join("\n") }];
  if (r.invitations.length) {
    const header = ["line", "name", "email", "code", "status"].map((c) => t(l, `imp.csv.${c}`));
    const rows = r.invitations.map((i) => [String(i.line), i.name, i.email, i.code ?? t(l, "imp.code_used"), t(l, `imp.status.${i.status}`)]);
    const csv = `\ufeff${[header, ...rows].map((x) => x.map(csvField).join(";")).join("\r\n")}\r\n`;
    replies.push({
      text: t(l, "imp.invitations"),
      file: { name: "mentorbro-invitationer.csv", mime: "text/csv", base64: Buffer.from(csv, "utf8").toString("base64") },
    });
  }
  return replies;
}

export async function runImport(ctx: HandlerContext, csv: string): Promise<HandlerResult> {
  const programme = await ctx.tx.programme.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!programme) return { replies: [{ text: t(ctx.person.locale, "imp.no_programme") }], done: true };
  const r = await importMentors(ctx.tx, csv.slice(0, MAX_CHARS), { programmeId: programme.id, actorId: ctx.person.id, now: ctx.now });
  return { replies: importReplies(r, ctx.person.locale), done: true };
}

function start(ctx: HandlerContext): HandlerResult {
  const l = ctx.person.locale;
  return {
    replies: [
      {
        text: t(l, "imp.start"),
        form: {
          id: IMPORT_FORM_ID,
          title: t(l, "imp.form_title"),
          submitLabel: t(l, "imp.form_submit"),
          fields: [{ name: "csv", label: t(l, "imp.form_field"), kind: "text" }],
        },
      },
    ],
    task: { kind: "co_import", data: { text: "" } },
  };
}

export const importCommand: TextCommand = {
  words: ["import", "importer", "importere"],
  args: true,
  roles: ["coordinator"],
  help: "imp.help",
  async handle(ctx, args) {
    const pasted = ctx.event.fields?.csv ?? (ctx.input.kind === "text" ? ctx.input.text.replace(/^\s*\/?\S+\s*/, "") : args);
    if (pasted.trim()) return runImport(ctx, pasted);
    return start(ctx);
  },
};

const DONE = new Set(["done", "faerdig", "faerdigt", "klar", "slut", "end"]);
const CANCEL = new Set(["cancel", "annuller", "fortryd", "stop", "afbryd"]);

export const importTask: TaskHandler = {
  kind: "co_import",
  async handle(ctx, data) {
    const l = ctx.person.locale;
    const sofar = String(data.text ?? "");
    if (ctx.event.fields?.csv) return runImport(ctx, ctx.event.fields.csv);
    if (ctx.input.kind !== "text") return { replies: [{ text: t(l, "imp.paste_text") }], task: { kind: "co_import", data } };
    const text = ctx.input.text;
    const f = fold(text);
    if (CANCEL.has(f)) return { replies: [{ text: t(l, "imp.cancelled") }], done: true };
    if (DONE.has(f)) return sofar.trim() ? runImport(ctx, sofar) : { replies: [{ text: t(l, "imp.cancelled") }], done: true };
    // A whole file in one message: import at once.
    if (!sofar && text.trim().split(/\r?\n/).length > 1) return runImport(ctx, text);
    const next = `${sofar}${text}\n`.slice(0, MAX_CHARS);
    const lines = next.split("\n").filter((x) => x.trim()).length;
    return { replies: [{ text: t(l, "imp.line_added", { count: lines }) }], task: { kind: "co_import", data: { text: next } } };
  },
};

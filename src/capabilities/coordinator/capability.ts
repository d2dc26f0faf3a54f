// Coordinator tools as a capability: the proposal queue, waiting list, mentorships, one person's
// summary, ending/reassigning, pausing mentors, outcomes, the programme report and the mentor
// import. Commands are for coordinators only; "join <code>" is for invited mentors.
import type { CapabilityFactory } from "../../core/capability.js";
import type { ActionHandler, HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { importCommand, importTask, IMPORT_FORM_ID, runImport } from "../import/index.js";
import { inviteTask, makeJoinCommand } from "../import/index.js";
import { exportFor } from "../privacy/index.js";
import { reportCommand } from "../reports/index.js";
import { matchesCommand, waitingCommand } from "./lists.js";
import { applyReason, askReason, matchCard, reasonTask } from "./match-card.js";
import { askOutcome, confirmOutcome, outcomeCommand, outcomeFor, recordOutcome } from "./outcome.js";
import { pauseFromButton, pauseMentorCommand } from "./pause-mentor.js";
import { personCommand, personSummary } from "./person.js";
import { queueAction, queueCommand } from "./queue.js";
import { coordinatorDa } from "./texts-da.js";
import { coordinatorEn } from "./texts-en.js";
import { reportsDa } from "../reports/index.js";
import { reportsEn } from "../reports/index.js";
import { importDa } from "../import/index.js";
import { importEn } from "../import/index.js";

/** Button actions "co:<verb>:…", all for coordinators only. */
async function onAction(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  if (!ctx.person.roles.includes("coordinator")) return { replies: [{ text: t(ctx.person.locale, "cmd.not_allowed") }] };
  const [verb = "", a = "", b, c] = rest.split(":");
  switch (verb) {
    case "q":
      return queueAction(ctx, a);
    case "p":
      return personSummary(ctx, a);
    case "po":
      return outcomeFor(ctx, a);
    case "m":
      return matchCard(ctx, a);
    case "end":
      return askReason(ctx, "e", a);
    case "re":
      return askReason(ctx, "r", a);
    case "why":
      return applyReason(ctx, a, b ?? "", c ?? "other");
    case "out":
      return askOutcome(ctx, a);
    case "oc":
      return recordOutcome(ctx, a, b ?? "");
    case "ocf":
      return confirmOutcome(ctx, a, b ?? "");
    case "pm":
      return pauseFromButton(ctx, a, b);
    case "x":
      return exportFor(ctx, a);
    case IMPORT_FORM_ID.slice(3):
      return runImport(ctx, ctx.event.fields?.csv ?? "");
    default:
      return { replies: [{ text: t(ctx.person.locale, "co.match_gone") }] };
  }
}

export const createCoordinatorCapability: CapabilityFactory = ({ db, clock, erase }) => {
  // People merged away when an invited mentor joined from a new chat account: erased after commit.
  const removed = new Set<string>();
  const sweep = async (ids: string[]) => {
    for (const id of ids) {
      const p = await db.person.findFirst({ where: { id, deletedAt: { not: null }, identities: { none: {} } }, select: { id: true } });
      if (p) await db.$transaction((tx) => erase(tx, id, clock.now(), { keepAuditTrail: true }));
    }
  };
  const actions: ActionHandler[] = [{ prefix: "co", handle: onAction }];
  return {
    name: "coordinator",
    texts: { da: { ...coordinatorDa, ...reportsDa, ...importDa }, en: { ...coordinatorEn, ...reportsEn, ...importEn } },
    actions,
    commands: [
      queueCommand,
      waitingCommand,
      matchesCommand,
      personCommand,
      outcomeCommand,
      pauseMentorCommand,
      reportCommand,
      importCommand,
      makeJoinCommand(removed),
    ],
    tasks: [reasonTask, importTask, inviteTask],
    afterCommit: async () => {
      if (removed.size === 0) return;
      const ids = [...removed];
      removed.clear();
      await sweep(ids);
    },
  };
};

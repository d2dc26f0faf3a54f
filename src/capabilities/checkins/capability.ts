// Weekly check-ins as a capability: nudges and reminders from the scheduler, one-tap answers (or
// typed ones), meetings and outcomes told in a chat, pausing, the closing conversation, and
// contact hours for coordinators.
import type { Capability, CapabilityDeps } from "../../core/capability.js";
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { asMentorbroError } from "../../core/errors.js";
import { onCheckinAction, onCheckinForm, onTask, startPause, TASK } from "./answers.js";
import { contactSummaries } from "./contact-summary.js";
import { checkinIntents, openQuestion } from "./intents.js";
import { firstName } from "./messages.js";
import { formatHours } from "./steps.js";
import { queueDueNudges } from "./schedule.js";
import { closeDueMatches, endPauses, markMissed, sendReminders } from "./upkeep.js";
import { checkinsDa } from "./texts-da.js";
import { checkinsEn } from "./texts-en.js";

const MAX_LINES = 30;

async function hoursReport(ctx: HandlerContext): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const matches = await ctx.tx.match.findMany({
    where: { status: { in: ["active", "paused"] } },
    orderBy: { startedAt: "asc" },
    take: MAX_LINES,
    select: { id: true, menteeId: true, mentorId: true },
  });
  if (matches.length === 0) return { replies: [{ text: t(l, "chk.hours_none") }] };
  const sums = await contactSummaries(
    ctx.tx,
    matches.map((m) => m.id),
  );
  const names = new Map(
    (await ctx.tx.person.findMany({ where: { id: { in: matches.flatMap((m) => [m.menteeId, m.mentorId]) } }, select: { id: true, displayName: true } })).map(
      (p) => [p.id, firstName(p.displayName)],
    ),
  );
  const h = (n: number) => formatHours(l, n);
  const lines = [t(l, "chk.hours_title")];
  for (const m of matches) {
    const s = sums.get(m.id)!;
    lines.push(
      t(l, "chk.hours_line", {
        mentee: names.get(m.menteeId) || "?",
        mentor: names.get(m.mentorId) || "?",
        planned: h(s.plannedHours),
        mentor_hours: h(s.reportedMentor),
        mentee_hours: h(s.reportedMentee),
        confirmed: h(s.confirmedHours),
      }),
    );
    if (s.oneSided || s.disagreements || s.unansweredInARow.mentor || s.unansweredInARow.mentee) {
      lines.push(
        t(l, "chk.hours_flags", {
          one_sided: s.oneSided,
          disagreements: s.disagreements,
          unanswered_mentor: s.unansweredInARow.mentor,
          unanswered_mentee: s.unansweredInARow.mentee,
        }),
      );
    }
  }
  await ctx.tx.auditLog.create({ data: { actorId: ctx.person.id, action: "checkins.hours_viewed", details: { matches: matches.length }, at: ctx.now } });
  return { replies: [{ text: lines.join("\n") }] };
}

export function createCheckinsCapability(deps: CapabilityDeps): Capability {
  const { db, logger } = deps;
  const tz = deps.settings.timezone;
  const said = checkinIntents(tz);
  return {
    name: "checkins",
    texts: { da: checkinsDa, en: checkinsEn },
    actions: [{ prefix: "chk", handle: onCheckinAction }, { prefix: "chkf", handle: onCheckinForm }, ...said.actions],
    intents: said.intents,
    openQuestion: (tx, personId) => openQuestion(tx, personId),
    tasks: [{ kind: TASK, handle: onTask }],
    commands: [
      {
        words: ["pause tjek ind", "pause tjekind", "pause check in", "pause checkin", "pause checkins", "tjek ind pause", "check in pause"],
        help: "chk.help.pause",
        handle: async (ctx) => {
          const ms = await ctx.tx.match.findMany({
            where: { status: { in: ["active", "paused"] }, OR: [{ mentorId: ctx.person.id }, { menteeId: ctx.person.id }] },
            select: { id: true },
          });
          return startPause(
            ctx,
            ms.map((m) => m.id),
          );
        },
      },
      { words: ["timer", "hours", "kontakttimer", "contact hours"], roles: ["coordinator"], help: "chk.help.hours", handle: hoursReport },
    ],
    jobs: [
      async (now) => {
        // Order matters: last week's silence is settled before this week's nudges go out.
        try {
          const missed = await markMissed(db, now);
          const resumed = await endPauses(db, now);
          const closed = await closeDueMatches(db, now);
          const nudged = await queueDueNudges(db, now, { timezone: tz });
          const reminded = await sendReminders(db, now);
          if (missed + resumed + closed + nudged + reminded > 0) logger.info({ missed, resumed, closed, nudged, reminded }, "check-in jobs");
        } catch (err) {
          logger.error({ code: asMentorbroError(err).code }, "check-in job failed");
        }
      },
    ],
  };
}

// "waiting" / "venter": mentees waiting for a mentor, oldest first. "matches" / "forløb": mentorships
// by status (active and paused unless told), filtered by municipality, target group, industry or
// name. Each entry has a button that opens the person or the mentorship.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import type { Button } from "../../core/messages.js";
import { t } from "../../core/i18n/index.js";
import { markedName, warnedName } from "../../core/i18n/name-warning.js";
import { names } from "../matchmaking/index.js";
import { findMunicipality } from "../../lib/text/municipalities.js";
import { interpretIndustries } from "../../lib/text/industries.js";
import { nameSkeleton } from "../../lib/text/names.js";
import { fold } from "../../lib/text/normalize.js";
import { matchOption } from "../../lib/text/option-match.js";
import { TARGET_GROUPS } from "../onboarding/index.js";
import { auditRead, day, daysBetween, firstName, say } from "./common.js";

const SHOWN = 10;

async function waiting(ctx: HandlerContext): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const where = { status: { in: ["waiting", "proposed"] } };
  const [total, rows] = await Promise.all([
    ctx.tx.menteeProfile.count({ where }),
    ctx.tx.menteeProfile.findMany({
      where,
      orderBy: [{ waitingSince: "asc" }, { createdAt: "asc" }],
      take: SHOWN,
      include: { person: { select: { displayName: true } } },
    }),
  ]);
  if (total === 0) return say(ctx, "co.waiting_none");
  await auditRead(
    ctx.tx,
    ctx.person.id,
    rows.map((r) => r.personId),
    "waiting",
    ctx.now,
  );
  const lines = rows.map((r, i) =>
    t(l, "co.waiting_line", {
      n: i + 1,
      name: warnedName(l, r.person.displayName, firstName(r.person.displayName)),
      group: r.targetGroup ? t(l, `opt.situation.${r.targetGroup}`) : "–",
      industries: names.industries(r.industries, l) || "–",
      municipality: names.municipality(r.municipality),
      days: daysBetween(r.waitingSince ?? r.createdAt, ctx.now),
      proposed: r.status === "proposed" ? t(l, "co.waiting_proposed") : "",
    }),
  );
  const head = t(l, total > SHOWN ? "co.waiting_head_more" : "co.waiting_head", { total, shown: rows.length });
  const buttons: Button[] = rows.map((r, i) => ({
    action: `co:p:${r.personId}`,
    label: `${i + 1}. ${markedName(l, r.person.displayName, firstName(r.person.displayName))}`,
  }));
  return { replies: [{ text: [head, ...lines].join("\n"), buttons }] };
}

const STATUS_WORDS: Record<string, string[]> = {
  active: ["active", "aktiv", "aktive", "igang"],
  paused: ["paused", "pause", "pauset", "pausede"],
  ended: ["ended", "afsluttet", "afsluttede", "slut", "done"],
  all: ["all", "alle"],
};

interface MatchFilter {
  statuses: string[];
  municipality?: string;
  group?: string;
  industry?: string;
  name?: string;
}

export function parseMatchFilter(args: string, locale: "da" | "en"): MatchFilter {
  const words = fold(args).split(" ").filter(Boolean);
  const picked = new Set<string>();
  const rest: string[] = [];
  for (const w of words) {
    const status = Object.keys(STATUS_WORDS).find((s) => STATUS_WORDS[s]!.includes(w));
    if (status) picked.add(status);
    else rest.push(w);
  }
  const statuses = picked.has("all") ? ["active", "paused", "ended"] : picked.size ? [...picked] : ["active", "paused"];
  const text = rest.join(" ");
  if (!text) return { statuses };
  const municipality = findMunicipality(text);
  if (municipality?.confidence === "sure") return { statuses, municipality: municipality.id };
  const groups = TARGET_GROUPS.map((g) => ({ action: g, label: t(locale, `opt.situation.${g}`), synonyms: [g.replace(/_/g, " ")] }));
  const group = matchOption(text, groups);
  if (group?.confidence === "exact") return { statuses, group: group.action };
  const industry = interpretIndustries(text).matches.find((m) => m.confidence === "sure");
  if (industry) return { statuses, industry: industry.id };
  return { statuses, name: text };
}

async function matches(ctx: HandlerContext, args: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const f = parseMatchFilter(args, l);
  const rows = await ctx.tx.match.findMany({ where: { status: { in: f.statuses } }, orderBy: { startedAt: "desc" }, take: 500 });
  const ids = [...new Set(rows.flatMap((m) => [m.menteeId, m.mentorId]))];
  const [people, mentees, mentors] = await Promise.all([
    ctx.tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }),
    ctx.tx.menteeProfile.findMany({ where: { personId: { in: ids } }, select: { personId: true, municipality: true, targetGroup: true, industries: true } }),
    ctx.tx.mentorProfile.findMany({ where: { personId: { in: ids } }, select: { personId: true, municipality: true, industry: true } }),
  ]);
  const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? "";
  const wanted = nameSkeleton(f.name ?? "");
  const hits = rows.filter((m) => {
    const mentee = mentees.find((x) => x.personId === m.menteeId);
    const mentor = mentors.find((x) => x.personId === m.mentorId);
    if (f.municipality) return mentee?.municipality === f.municipality || mentor?.municipality === f.municipality;
    if (f.group) return mentee?.targetGroup === f.group;
    if (f.industry) return mentor?.industry === f.industry || !!mentee?.industries.includes(f.industry);
    // Compared as skeletons: a name written with look-alike letters is found all the same.
    if (f.name) return nameSkeleton(name(m.menteeId)).includes(wanted) || nameSkeleton(name(m.mentorId)).includes(wanted);
    return true;
  });
  const statusText = f.statuses.map((s) => t(l, `co.status.${s}`)).join(", ");
  if (hits.length === 0) return say(ctx, "co.matches_none", { status: statusText });
  const shown = hits.slice(0, SHOWN);
  await auditRead(
    ctx.tx,
    ctx.person.id,
    shown.flatMap((m) => [m.menteeId, m.mentorId]),
    "matches",
    ctx.now,
  );
  const shownName = (id: string) => warnedName(l, name(id), firstName(name(id)));
  const lines = shown.map((m, i) =>
    t(l, "co.match_line", {
      n: i + 1,
      mentee: shownName(m.menteeId),
      mentor: shownName(m.mentorId),
      status: t(l, `co.status.${m.status}`),
      since: day(m.startedAt),
    }),
  );
  const head = t(l, hits.length > SHOWN ? "co.matches_head_more" : "co.matches_head", { total: hits.length, shown: shown.length, status: statusText });
  const buttons: Button[] = shown.map((m, i) => ({
    action: `co:m:${m.id}`,
    label: `${i + 1}. ${markedName(l, name(m.menteeId), firstName(name(m.menteeId)))} ↔ ${markedName(l, name(m.mentorId), firstName(name(m.mentorId)))}`,
  }));
  return { replies: [{ text: [head, ...lines].join("\n"), buttons }] };
}

export const waitingCommand: TextCommand = {
  words: ["waiting", "venter", "venteliste", "waiting list"],
  roles: ["coordinator"],
  help: "co.help_waiting",
  handle: (ctx) => waiting(ctx),
};
export const matchesCommand: TextCommand = {
  words: ["matches", "forloeb", "forlob", "mentorships"],
  args: true,
  roles: ["coordinator"],
  help: "co.help_matches",
  handle: matches,
};

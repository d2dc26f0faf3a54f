// Transcript tables for the coordinator commands: what a coordinator sends → what the bot answers
// (catalogue texts), through the real core and database; then what changed in the tables and the
// audit log. Every command is refused for people without the coordinator role.
import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../src/core/messages.js";
import { t, type Params } from "../../src/core/i18n/index.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { ago, makeWorld, type World } from "./world.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

type In = string | { action: string };
type Check = string | RegExp | ((replies: OutboundMessage[]) => void);
type Row = [In, Check];

let db: TestDb;
let bot: BotHarness;
let w: World;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
    w = await makeWorld(d);
  },
});

const da = (key: string, p: Params = {}) => t("da", key, p);
const COORD = "console:coordinator";

async function play(from: string, rows: Row[]): Promise<OutboundMessage[]> {
  let last: OutboundMessage[] = [];
  for (const [i, [input, check]] of rows.entries()) {
    last = await bot.say(from, input);
    const text = last.map((r) => r.text).join("\n---\n");
    const where = `row ${i}: ${JSON.stringify(input)}`;
    if (typeof check === "string") expect(text, where).toContain(check);
    else if (check instanceof RegExp) expect(text, where).toMatch(check);
    else check(last);
  }
  return last;
}

const actions = (r: OutboundMessage[]) => r.flatMap((m) => m.buttons ?? []).map((b) => b.action);

describe("refusal for people who are not coordinators", () => {
  it.each(["kø", "venter", "forløb", "person Ali", "resultat Ali job", "pause mentor Anna", "rapport", "import", "/queue", "matches ended"])(
    "%s",
    async (cmd) => {
      expect(await bot.ask("console:sara", cmd)).toBe(da("cmd.not_allowed"));
    },
  );
  it("refuses coordinator buttons, and leaves “person” to mean “talk to a human”", async () => {
    await play("console:sara", [
      [{ action: `co:m:${w.saraMatch}` }, da("cmd.not_allowed")],
      [{ action: `co:oc:${w.saraMatch}:job` }, da("cmd.not_allowed")],
      ["person", da("cmd.human")],
    ]);
    expect(await db.prisma.outcome.count()).toBe(0);
  });
});

describe("coordinator commands", () => {
  it("queue: proposals oldest first with approve/hold/another buttons", async () => {
    const open = await db.prisma.proposal.count({ where: { status: { in: ["proposed", "held"] } } });
    const item = da("co.queue_item", {
      n: 1,
      total: open,
      mentee: "Ali",
      mentor: "Omar",
      score: 78,
      reasons: da("match.reason.industry", { industry: "IT og software" }),
      held: "",
    });
    await play(COORD, [
      [
        "kø",
        (r) => {
          expect(r[0]!.text).toBe(item);
          expect(actions(r).slice(0, 3)).toEqual([`prop:ok:${w.proposalId}`, `prop:hold:${w.proposalId}`, `prop:alt:${w.proposalId}`]);
        },
      ],
      [{ action: `prop:hold:${w.proposalId}` }, da("proposal.held")],
      ["/queue", (r) => expect(r[0]!.text).toContain(`${da("co.queue_held")}: Ali`)],
    ]);
    const audit = await db.prisma.auditLog.findMany({ where: { action: "coordinator.read", subjectId: w.ali } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0]).toMatchObject({ actorId: w.coordinator, details: { view: "queue" } });
  });

  it("queue: empty", async () => {
    await db.prisma.proposal.updateMany({ data: { status: "cancelled" } });
    await db.prisma.menteeProfile.updateMany({ data: { status: "matched" } });
    await play(COORD, [["kø", da("co.queue_empty")]]);
  });

  it("waiting: oldest first, with buttons to each person", async () => {
    const r = await play(COORD, [
      [
        "venter",
        da("co.waiting_line", {
          n: 1,
          name: "Noor",
          group: da("opt.situation.new_graduate"),
          industries: "IT og software",
          municipality: "Odense",
          days: 30,
          proposed: "",
        }),
      ],
    ]);
    expect(r[0]!.text).toContain(
      da("co.waiting_line", {
        n: 2,
        name: "Ali",
        group: da("opt.situation.refugee_immigrant"),
        industries: "IT og software",
        municipality: "Aarhus",
        days: 20,
        proposed: da("co.waiting_proposed"),
      }),
    );
    expect(actions(r)[0]).toBe(`co:p:${w.noor}`);
    expect(await db.prisma.auditLog.count({ where: { action: "coordinator.read", subjectId: w.noor, details: { equals: { view: "waiting" } } } })).toBe(1);
  });

  it("matches: by status and filters", async () => {
    const status = (s: string) => da(`co.status.${s}`);
    await play(COORD, [
      ["forløb", da("co.matches_head", { total: 2, status: `${status("active")}, ${status("paused")}` })],
      ["forløb", da("co.match_line", { n: 2, mentee: "Sara", mentor: "Anna", status: status("active"), since: ago(60).toISOString().slice(0, 10) })],
      ["forløb afsluttede", da("co.match_line", { n: 1, mentee: "Bo", mentor: "Lars", status: status("ended"), since: ago(250).toISOString().slice(0, 10) })],
      [
        "forløb vejle",
        (r) => {
          expect(r[0]!.text).toContain(da("co.matches_head", { total: 1, status: `${status("active")}, ${status("paused")}` }));
          expect(actions(r)).toEqual([`co:m:${w.miaMatch}`]);
        },
      ],
      ["matches all sara", (r) => expect(actions(r)).toEqual([`co:m:${w.saraMatch}`])],
      ["forløb odense", da("co.matches_none", { status: `${status("active")}, ${status("paused")}` })],
    ]);
  });

  it("person: a summary, logged; several hits give a choice; unknown names are said so", async () => {
    const r = await play(COORD, [
      [
        "person Sara",
        da("co.person_mentee", {
          group: da("opt.situation.refugee_immigrant"),
          industries: "IT og software",
          municipality: "Aarhus",
          status: da("co.mstatus.matched"),
          days: 90,
        }),
      ],
    ]);
    expect(r[0]!.text).toContain(
      da("co.person_match", {
        other: "Anna",
        status: da("co.status.active"),
        since: ago(60).toISOString().slice(0, 10),
        confirmed: "4",
        answered: 8,
        asked: 8,
        outcome: "–",
      }),
    );
    expect(actions(r)).toContain(`co:m:${w.saraMatch}`);
    expect(await db.prisma.auditLog.count({ where: { action: "coordinator.read", subjectId: w.sara, actorId: w.coordinator } })).toBe(1);
    await db.prisma.person.update({ where: { id: w.mia }, data: { displayName: "Sara Mia" } });
    await play(COORD, [
      ["person sara", (x) => expect(actions(x).sort()).toEqual([`co:p:${w.mia}`, `co:p:${w.sara}`].sort())],
      ["person Zyxwv", da("co.person_none")],
      ["person", da("co.person_usage")],
      [{ action: `co:p:${w.mia}` }, "Sara Mia (mentee)"],
    ]);
  });

  it("end a mentorship with a typed reason, then record and correct the outcome", async () => {
    await play(COORD, [
      [{ action: `co:m:${w.saraMatch}` }, (r) => expect(actions(r)).toEqual([`co:end:${w.saraMatch}`, `co:re:${w.saraMatch}`, `co:out:${w.saraMatch}`])],
      [{ action: `co:end:${w.saraMatch}` }, da("co.end_why")],
      [
        "Flyttede til Jylland",
        (r) => {
          expect(r[0]!.text).toBe(da("co.ended"));
          expect(actions(r)).toContain(`co:oc:${w.saraMatch}:job`);
        },
      ],
      [{ action: `co:oc:${w.saraMatch}:job` }, da("co.outcome_saved", { name: "Sara", category: da("rep.cat.job"), date: "2026-11-24" })],
      ["resultat sara uddannelse", da("co.outcome_corrected", { name: "Sara", category: da("rep.cat.education"), date: "2026-11-24" })],
      ["resultat Sara", da("co.outcome_ask", { name: "Sara", current: da("rep.cat.education") })],
      ["resultat", da("co.outcome_usage")],
    ]);
    const m = await db.prisma.match.findUniqueOrThrow({ where: { id: w.saraMatch } });
    expect(m).toMatchObject({ status: "ended", endReason: "Flyttede til Jylland" });
    expect(await db.prisma.outcome.findUniqueOrThrow({ where: { matchId: w.saraMatch } })).toMatchObject({
      category: "education",
      targetGroup: "refugee_immigrant",
      recordedBy: w.coordinator,
    });
    const corrected = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "outcome.corrected" } });
    expect(corrected.details).toEqual({ from: "job", to: "education" });
    expect(bot.delivered.map((d) => d.text)).toContain(da("match.ended_to_person"));
  });

  it("reassign with a reason button puts the mentee back on the waiting list", async () => {
    await play(COORD, [
      [{ action: `co:re:${w.miaMatch}` }, da("co.reassign_why")],
      [{ action: `co:why:r:${w.miaMatch}:nocontact` }, da("co.reassigned")],
      [{ action: `co:end:${w.miaMatch}` }, da("co.match_gone")],
    ]);
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: w.miaMatch } })).toMatchObject({ status: "ended", endReason: "reassigned: nocontact" });
    expect((await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: w.mia } })).status).not.toBe("matched");
  });

  it("outcome typed in one go for a mentorship that already ended", async () => {
    await play(COORD, [
      ["resultat Bo løntilskud", da("co.outcome_saved", { name: "Bo", category: da("rep.cat.wage_subsidy"), date: ago(30).toISOString().slice(0, 10) })],
    ]);
    expect(await db.prisma.outcome.findUniqueOrThrow({ where: { matchId: w.boMatch } })).toMatchObject({
      category: "wage_subsidy",
      targetGroup: "long_term_unemployed",
    });
    await play(COORD, [["resultat Noor", da("co.outcome_no_match")]]);
  });

  it("pause a mentor until a date, or with buttons, and end the pause", async () => {
    const anna = await w.mentor("anna");
    await play(COORD, [
      ["pause mentor Anna til 1/3/2027", da("co.paused", { name: "Anna", date: "2027-02-28" })],
      ["pause mentor Anna", (r) => expect(actions(r)).toEqual([14, 30, 90].map((d) => `co:pm:${anna}:${d}`))],
      [{ action: `co:pm:${anna}:0` }, da("co.resumed", { name: "Anna" })],
      [{ action: `co:pm:${anna}:30` }, da("co.paused", { name: "Anna", date: "2026-12-24" })],
      ["pause mentor Nobodyhere", da("co.not_mentor")],
      ["pause mentor", da("co.pause_usage")],
    ]);
    expect(await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: anna } })).toMatchObject({ status: "paused" });
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: w.saraMatch } })).toMatchObject({ status: "paused" });
  });

  it("speaks English to an English coordinator", async () => {
    await db.prisma.person.update({ where: { id: w.coordinator }, data: { locale: "en" } });
    await play(COORD, [
      ["queue", "Proposal 1 of"],
      [
        "waiting",
        t("en", "co.waiting_line", {
          n: 1,
          name: "Noor",
          group: t("en", "opt.situation.new_graduate"),
          industries: "IT and software",
          municipality: "Odense",
          days: 30,
          proposed: "",
        }),
      ],
      ["report 2026-13", t("en", "rep.bad_period")],
    ]);
  });
});

// The cross-platform scenario of issue 7: a coordinator on Teams, a mentor on Slack and a mentee on
// Telegram, through the real bot's platform wiring (adapters/start-platforms.ts), the real core and
// a test database, with the three fake platforms. One conversation, steps in order: each `it`
// continues where the previous one stopped.
//
// Done here: coordinator signup (Teams), mentor onboarding (Slack) with the coordinator told on
// Teams, mentee intake (Telegram), an alert delivered to the coordinator on Teams and acknowledged
// there. TODO (lead): match, hand-over and one check-in — see the it.todo steps at the end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { waitFor } from "../fakes/http-util.js";
import { COORDINATOR_CODE, slackIdentity, startRig, type PlatformRig } from "../helpers/platform-rig.js";
import { openTestDb } from "../helpers/test-db.js";

type In = string | { action: string };
type Row = [In, string];

// Generous: the machine may be busy; waitFor returns as soon as the message is there.
const WAIT_MS = 20_000;
const k = (key: string, p: Record<string, string> = {}) => t("da", key, p);
const KIM = "kim"; // Teams
const BIRGITTE = "U7100BIR"; // Slack
const ALI = 7200; // Telegram

// The platforms say the person's language (da), so the first answer is the role question.
const COORDINATOR: Row[] = [
  ["hej", k("welcome.who")],
  [{ action: "role:coordinator" }, k("mentor.name")],
  ["Kim", k("coordinator.code")],
  [COORDINATOR_CODE, k("coordinator.done")],
];

const MENTOR: Row[] = [
  ["hej", k("welcome.who")],
  [{ action: "role:mentor" }, k("mentor.consent")],
  [{ action: "yes" }, k("mentor.name")],
  ["Birgitte", k("mentor.industry")],
  ["sygeplejerske", k("mentor.role")],
  ["Afdelingssygeplejerske", k("mentor.competences")],
  ["cv og jobsamtaler", k("mentor.qualifications")],
  ["20 år i sundhedsvæsenet", k("mentor.languages")],
  ["dansk og engelsk", k("mentor.municipality")],
  ["Odense", k("mentor.capacity")],
  ["2", k("mentor.hours")],
  ["4", k("mentor.availability")],
  [{ action: "opt:weekend" }, k("common.selected", { items: k("opt.availability.weekend") })],
  [{ action: "multi:done" }, k("mentor.meeting_form")],
  ["video", k("mentor.pref_groups")],
  [{ action: "skip" }, k("mentor.gender")],
  ["kvinde", k("mentor.age_group")],
  ["35-55", k("mentor.invite_code")],
  [{ action: "skip" }, k("summary.title")],
  [{ action: "summary:confirm" }, k("mentor.done_pending", { name: "Birgitte" })],
];

const MENTEE: Row[] = [
  ["hej", k("welcome.who")],
  ["jeg vil gerne have en mentor", k("mentee.consent")],
  ["ja", k("mentee.consent_share")],
  [{ action: "yes" }, k("mentee.consent_stats")],
  ["Ja tak", k("mentee.name")],
  ["Ali", k("mentee.situation")],
  ["2", k("mentee.education_level")],
  ["spring over", k("mentee.education_field")],
  ["sygepleje", k("mentee.experience")],
  ["5 år på et plejehjem", k("mentee.industries")],
  ["sundhed", k("mentee.goals")],
  ["job, praktik", k("mentee.help")],
  [{ action: "opt:cv" }, k("opt.help.cv")],
  [{ action: "multi:done" }, k("mentee.languages")],
  ["dansk, arabisk", k("mentee.municipality")],
  ["Odense", k("mentee.availability")],
  ["weekend", k("mentee.start_date")],
  ["1. december", k("mentee.meeting_form")],
  ["video", k("mentee.wish_gender")],
  ["intet ønske", k("mentee.wish_age")],
  [{ action: "skip" }, k("mentee.digital")],
  ["3", k("mentee.has_caseworker")],
  ["nej", k("mentee.self_confidence")],
  ["3", k("mentee.self_clarity")],
  [{ action: "opt:2" }, k("mentee.self_network")],
  ["4", k("summary.title")],
  [{ action: "summary:confirm" }, k("mentee.done", { name: "Ali" })],
];

interface Side {
  text(text: string): Promise<number>;
  press(action: string): Promise<number>;
  received(): string[];
}

/** Plays a transcript on one platform: each input must be accepted (200) and its answer arrive. */
async function play(side: Side, rows: Row[]): Promise<void> {
  for (const [i, [input, expected]] of rows.entries()) {
    const before = side.received().length;
    const status = typeof input === "string" ? await side.text(input) : await side.press(input.action);
    expect(status, `row ${i}: ${JSON.stringify(input)}`).toBe(200);
    await waitFor(
      () =>
        side
          .received()
          .slice(before)
          .some((m) => m.includes(expected)),
      WAIT_MS,
      `row ${i}: ${expected.slice(0, 40)}`,
    );
  }
}

let db: Awaited<ReturnType<typeof openTestDb>>;
let rig: PlatformRig;
let teams: Side;
let slack: Side;
let telegram: Side;
beforeAll(async () => {
  db = await openTestDb();
  rig = await startRig(db);
  teams = { text: (s) => rig.teamsUser.text(KIM, s), press: (a) => rig.teamsUser.press(KIM, a), received: () => rig.teamsUser.received(KIM) };
  slack = { text: (s) => rig.slackUser.text(BIRGITTE, s), press: (a) => rig.slackUser.press(BIRGITTE, a), received: () => rig.slackUser.received(BIRGITTE) };
  telegram = { text: (s) => rig.telegram.text(ALI, s), press: (a) => rig.telegram.press(ALI, a), received: () => rig.telegram.received(ALI) };
});
afterAll(async () => {
  await rig.stop();
  await db.close();
});

describe("mentee on Telegram, mentor on Slack, coordinator on Teams", () => {
  it("the coordinator signs up on Teams", async () => {
    await play(teams, COORDINATOR);
    const kim = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: "teams:aad-kim" }, include: { person: true } });
    expect(kim.person.roles).toEqual(["coordinator"]);
    expect(kim.conversationRef).toMatchObject({ conversation: { id: "a:personal-kim" } });
  });

  it("the mentor registers on Slack, and the coordinator is told on Teams", async () => {
    const before = teams.received().length;
    await play(slack, MENTOR);
    const mentor = await db.prisma.identity.findUniqueOrThrow({
      where: { externalId: slackIdentity(BIRGITTE) },
      include: { person: { include: { mentor: true } } },
    });
    expect(mentor.person.mentor).toMatchObject({ status: "pending", industry: "health", municipality: "odense" });
    const notice = k("notify.mentor_pending", { name: "Birgitte", industry: "Sundhed", municipality: "Odense", qualifications: "> 20 år i sundhedsvæsenet" });
    await waitFor(() => teams.received().slice(before).includes(notice), WAIT_MS, "mentor notice on Teams");
  });

  it("the mentee does the intake on Telegram", async () => {
    await play(telegram, MENTEE);
    const ali = await db.prisma.identity.findUniqueOrThrow({ where: { externalId: `telegram:${ALI}` }, include: { person: { include: { mentee: true } } } });
    expect(ali.person.mentee).toMatchObject({ status: "waiting", municipality: "odense" });
    expect(ali.person.displayName).toBe("Ali");
  });

  it("the mentee asks for a person on Telegram; the alert reaches the coordinator on Teams, who acknowledges it there", async () => {
    const before = teams.received().length;
    await play(telegram, [["koordinator", k("cmd.human")]]);
    await rig.app.tick();
    const alerts = () => rig.teams.rendered.filter((r) => r.target === `a:personal-${KIM}`).slice(before);
    await waitFor(() => alerts().some((a) => a.text.includes(k("esc.kind.human_requested"))), WAIT_MS, "alert on Teams");
    const alert = alerts().find((a) => a.text.includes(k("esc.kind.human_requested")))!;
    const ack = alert.buttons.find((b) => b.action.startsWith("esc:ack:"));
    expect(ack, "the alert offers to acknowledge").toBeDefined();
    expect(await teams.press(ack!.action)).toBe(200);
    const esc = await db.prisma.escalation.findFirstOrThrow({ where: { kind: "human_requested" } });
    expect(esc.status).toBe("acknowledged");
    // The alert names no one: the mentee's name stays out of the coordinator's notification.
    expect(alert.text).not.toContain("Ali");
  });

  const cardsTo = (key: string) => rig.teams.rendered.filter((r) => r.target === `a:personal-${key}`);

  it("the coordinator approves the mentor on Teams", async () => {
    const card = cardsTo(KIM).find((r) => r.buttons.some((b) => b.action.startsWith("mnt:ok:")))!;
    const before = teams.received().length;
    expect(await teams.press(card.buttons.find((b) => b.action.startsWith("mnt:ok:"))!.action)).toBe(200);
    await waitFor(
      () =>
        teams
          .received()
          .slice(before)
          .includes(k("mentor.approved", { name: "Birgitte" })),
      WAIT_MS,
      "approved",
    );
    await waitFor(() => slack.received().includes(k("mentor.approved_to_mentor")), WAIT_MS, "mentor told on Slack");
  });

  it("a proposal with reasons reaches the coordinator on Teams, who approves it", async () => {
    await rig.app.tick();
    await waitFor(() => cardsTo(KIM).some((r) => r.text.includes("Ali ↔ Birgitte")), WAIT_MS, "proposal on Teams");
    const proposal = cardsTo(KIM).find((r) => r.text.includes("Ali ↔ Birgitte"))!;
    expect(proposal.text).toMatch(/samme branche: Sundhed.*begge i Odense/);
    expect(await teams.press(proposal.buttons.find((b) => b.action.startsWith("prop:ok:"))!.action)).toBe(200);
    await waitFor(() => teams.received().includes(k("proposal.approved", { mentor: "Birgitte" })), WAIT_MS, "approved proposal");
  });

  it("the mentor accepts the offer on Slack; both get their introduction on their own platform", async () => {
    await waitFor(() => slack.received().some((m) => m.startsWith("Hej Birgitte! Vi har en mentee til dig")), WAIT_MS, "offer on Slack");
    const offer = [...rig.slack.rendered].reverse().find((r) => r.text.startsWith("Hej Birgitte! Vi har en mentee til dig"))!;
    expect(offer.text).not.toContain("Ali");
    expect(await slack.press(offer.buttons.find((b) => b.action.startsWith("off:y:"))!.action)).toBe(200);
    await waitFor(() => slack.received().some((m) => m.startsWith("Tak, Birgitte! Her er din mentee")), WAIT_MS, "mentor introduction on Slack");
    await waitFor(
      () => telegram.received().some((m) => m.startsWith("Godt nyt, Ali! Du har fået en mentor: Birgitte")),
      WAIT_MS,
      "mentee introduction on Telegram",
    );
    const match = await db.prisma.match.findFirstOrThrow();
    expect(match.status).toBe("active");
    // Their platforms differ, so neither gets a contact the other's app cannot open: each is told
    // why, and how to write through the bot.
    const how = k("intro.relay_how");
    expect(slack.received().find((m) => m.startsWith("Tak, Birgitte! Her er din mentee"))).toContain(
      k("intro.contact_cross", { name: "Ali", theirs: "Telegram", yours: "Slack", how }),
    );
    expect(telegram.received().find((m) => m.startsWith("Godt nyt, Ali!"))).toContain(
      k("intro.contact_cross", { name: "Birgitte", theirs: "Slack", yours: "Telegram", how }),
    );
  });

  it("relayed messages cross platforms: Ali on Telegram writes to Birgitte on Slack", async () => {
    await play(telegram, [["besked Hej Birgitte, tak!", k("relay.sent")]]);
    await waitFor(() => slack.received().includes(k("relay.from", { name: "Ali", text: "> Hej Birgitte, tak!" })), WAIT_MS, "relay on Slack");
  });

  it("one check-in: a week later both are asked; Birgitte answers on Slack, Ali on Telegram", async () => {
    rig.clock.advance(8 * 864e5);
    await rig.app.tick();
    const nudge = (r: { text: string; buttons: { action: string }[] }) => r.buttons.some((b) => b.action.startsWith("chk:y:"));
    await waitFor(() => rig.slack.rendered.some(nudge), WAIT_MS, "nudge on Slack");
    await waitFor(() => rig.tg.rendered.some(nudge), WAIT_MS, "nudge on Telegram");
    const yes = (list: { text: string; buttons: { action: string }[] }[]) =>
      [...list]
        .reverse()
        .find(nudge)!
        .buttons.find((b) => b.action.startsWith("chk:y:"))!.action;
    expect(await slack.press(yes(rig.slack.rendered))).toBe(200);
    await waitFor(() => slack.received().some((m) => m.includes(k("chk.hours"))), WAIT_MS, "hours question on Slack");
    expect(await slack.text("2")).toBe(200);
    expect(await telegram.press(yes(rig.tg.rendered))).toBe(200);
    await waitFor(() => telegram.received().some((m) => m.includes(k("chk.hours"))), WAIT_MS, "hours question on Telegram");
    expect(await telegram.text("2")).toBe(200);
    const answered = await db.prisma.checkIn.findMany({ where: { met: true }, select: { role: true, hours: true } });
    expect(answered.map((c) => [c.role, c.hours]).sort()).toEqual([
      ["mentee", 2],
      ["mentor", 2],
    ]);
  });
});

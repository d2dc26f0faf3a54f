// The hand-over shares a contact that works on the reader's platform (issue 17), through the real
// platform wiring and SDKs against the fakes: a Telegram @username with its t.me link (or, without
// one, plain words and the relay), a Slack mention, a Teams chat link with the user principal
// name. Names with markup characters arrive literally. Each pair says hello on its platform (so the
// adapter reports the contact), is seeded as an offered proposal, and the mentor accepts the offer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { queueOffer } from "../../src/capabilities/matchmaking/offers.js";
import { waitFor } from "../fakes/http-util.js";
import { TEAM } from "../fakes/fake-slack.js";
import { slackIdentity, startRig, type PlatformRig } from "../helpers/platform-rig.js";
import { openTestDb } from "../helpers/test-db.js";

const WAIT_MS = 20_000;
const k = (key: string, p: Record<string, string> = {}) => t("da", key, p);
const ODD = "<b>&_*[]";
const how = k("intro.relay_how");

let db: Awaited<ReturnType<typeof openTestDb>>;
let rig: PlatformRig;
beforeAll(async () => {
  db = await openTestDb();
  rig = await startRig(db);
});
afterAll(async () => {
  await rig.stop();
  await db.close();
});

/** Makes the two (who have each written once) an offered pair, both consenting, and sends the offer. */
async function offerPair(menteeId: string, mentorId: string, names: { mentee: string; mentor: string }): Promise<string> {
  const find = async (externalId: string) => (await db.prisma.identity.findUniqueOrThrow({ where: { externalId } })).personId;
  const [mentee, mentor] = [await find(menteeId), await find(mentorId)];
  const programme = await db.prisma.programme.findFirstOrThrow();
  const now = rig.clock.now();
  await db.prisma.person.update({ where: { id: mentee }, data: { displayName: names.mentee, locale: "da", roles: ["mentee"] } });
  await db.prisma.person.update({ where: { id: mentor }, data: { displayName: names.mentor, locale: "da", roles: ["mentor"] } });
  await db.prisma.consent.create({ data: { personId: mentee, purpose: "share_contact", granted: true, at: now } });
  await db.prisma.consent.create({ data: { personId: mentor, purpose: "matching", granted: true, at: now } });
  await db.prisma.menteeProfile.create({ data: { personId: mentee, programmeId: programme.id, goals: ["job"], helpWanted: ["cv"], status: "proposed" } });
  await db.prisma.mentorProfile.create({
    data: { personId: mentor, programmeId: programme.id, industry: "it", role: "Udvikler", competences: ["cv"], status: "active" },
  });
  const p = await db.prisma.proposal.create({
    data: { programmeId: programme.id, menteeId: mentee, mentorId: mentor, score: 1, status: "offered", offeredAt: now },
  });
  await db.prisma.$transaction((tx) => queueOffer(tx, p.id, now));
  await rig.app.tick();
  return `off:y:${p.id}`;
}

const mentorIntroStart = (name: string) => k("offer.accepted_mentor", { mentor: name, intro: "" });
const menteeIntroStart = (name: string) => `Godt nyt, ${name}!`;

describe("the hand-over's contact, on each platform", () => {
  it("Telegram: an @username with its t.me link; without a username, plain words and the relay", async () => {
    const [ANNA, BO] = [7301, 7302];
    rig.telegram.profile(ANNA, { username: "anna_k_", first_name: ODD });
    for (const u of [ANNA, BO]) expect(await rig.telegram.text(u, "hej")).toBe(200);
    const accept = await offerPair(`telegram:${ANNA}`, `telegram:${BO}`, { mentee: `Anna ${ODD}`, mentor: "Bo" });
    await waitFor(() => rig.tg.rendered.some((r) => r.target === String(BO) && r.buttons.some((b) => b.action === accept)), WAIT_MS, "offer");
    expect(await rig.telegram.press(BO, accept)).toBe(200);
    await rig.app.tick();
    await waitFor(() => rig.telegram.received(ANNA).some((m) => m.startsWith(menteeIntroStart(`Anna ${ODD}`))), WAIT_MS, "mentee intro");
    const forBo = rig.telegram.received(BO).find((m) => m.startsWith(mentorIntroStart("Bo")))!;
    expect(forBo).toContain(k("intro.contact_link", { name: `Anna ${ODD}`, platform: "Telegram", label: "@anna_k_", url: "https://t.me/anna_k_" }));
    const forAnna = rig.telegram.received(ANNA).find((m) => m.startsWith(menteeIntroStart(`Anna ${ODD}`)))!;
    expect(forAnna).toContain(k("intro.contact_none", { name: "Bo", platform: "Telegram", how }));
    expect(forAnna).not.toContain("telegram:");
    // Sent as plain text: the name's characters are shown, not parsed.
    const sent = rig.tg.rendered.find((r) => r.text === forBo)!;
    expect((sent.raw as { body: Record<string, unknown> }).body.parse_mode).toBeUndefined();
  });

  it("Slack: a native mention of the other person, in the same workspace", async () => {
    const [CARL, DITTE] = ["U7303CAR", "U7304DIT"];
    for (const u of [CARL, DITTE]) expect(await rig.slackUser.text(u, "hej")).toBe(200);
    const accept = await offerPair(slackIdentity(CARL), slackIdentity(DITTE), { mentee: `Carl ${ODD}`, mentor: "Ditte" });
    await waitFor(() => rig.slack.rendered.some((r) => r.buttons.some((b) => b.action === accept)), WAIT_MS, "offer");
    expect(await rig.slackUser.press(DITTE, accept)).toBe(200);
    await rig.app.tick();
    await waitFor(() => rig.slackUser.received(CARL).some((m) => m.startsWith(menteeIntroStart(`Carl ${ODD}`))), WAIT_MS, "mentee intro");
    const posts = rig.slack.calls.filter((c) => c.method === "chat.postMessage").map((c) => c.body);
    const toDitte = posts.find((b) => String(b.text).startsWith("Tak, Ditte!"))!;
    const toCarl = posts.find((b) => String(b.text).startsWith("Godt nyt, Carl"))!;
    // The mention is Slack's own markup, made by the adapter; the name around it stays escaped text.
    expect(toDitte.text).toContain("Du kan skrive direkte til Carl &lt;b&gt;&amp;_*[] på Slack: @");
    expect(toCarl.text).toContain("Du kan skrive direkte til Ditte på Slack: @");
    expect(JSON.stringify(toCarl.blocks)).toContain(`<@${DITTE}>`);
    expect(JSON.stringify(toDitte.blocks)).toContain(`<@${CARL}>`);
    expect(String(toDitte.text)).not.toContain(`slack:${TEAM}`);
  });

  it("Teams: the user principal name and a link that opens a chat with them", async () => {
    const [EVA, FRANK] = ["eva", "frank"];
    rig.teams.member(EVA, { name: ODD, userPrincipalName: "eva_k@contoso.test" });
    rig.teams.member(FRANK, { userPrincipalName: null });
    for (const u of [EVA, FRANK]) expect(await rig.teamsUser.text(u, "hej")).toBe(200);
    const accept = await offerPair(`teams:aad-${EVA}`, `teams:aad-${FRANK}`, { mentee: `Eva ${ODD}`, mentor: "Frank" });
    await waitFor(() => rig.teams.rendered.some((r) => r.buttons.some((b) => b.action === accept)), WAIT_MS, "offer");
    expect(await rig.teamsUser.press(FRANK, accept)).toBe(200);
    await rig.app.tick();
    await waitFor(() => rig.teamsUser.received(EVA).some((m) => m.startsWith(menteeIntroStart(`Eva ${ODD}`))), WAIT_MS, "mentee intro");
    const forFrank = rig.teamsUser.received(FRANK).find((m) => m.startsWith(mentorIntroStart("Frank")))!;
    const link = "https://teams.microsoft.com/l/chat/0/0?users=eva_k@contoso.test";
    expect(forFrank).toContain(k("intro.contact_link", { name: `Eva ${ODD}`, platform: "Microsoft Teams", label: "eva_k@contoso.test", url: link }));
    // Frank's member record has no UPN: Eva is told so, and how to write through the bot.
    const forEva = rig.teamsUser.received(EVA).find((m) => m.startsWith(menteeIntroStart(`Eva ${ODD}`)))!;
    expect(forEva).toContain(k("intro.contact_none", { name: "Frank", platform: "Microsoft Teams", how }));
  });
});

// Issue 13, point 4: a button pressed in a shared conversation (the coordinators' alert channel on
// Slack or Teams, an alert group on Telegram) is answered privately and never changes where the
// person is reached. Through the real platform wiring and the real core, against the fakes.
import { afterEach, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { enqueue } from "../../src/infra/outbox/outbox.js";
import { raiseEscalation } from "../../src/infra/alerts/raise.js";
import { TEAM } from "../fakes/fake-slack.js";
import { waitFor } from "../fakes/http-util.js";
import { COORDINATOR_CODE, startRig, type PlatformRig } from "../helpers/platform-rig.js";
import { openTestDb } from "../helpers/test-db.js";

const WAIT_MS = 20_000;
const k = (key: string, p: Record<string, string> = {}) => t("da", key, p);
type Side = { text(s: string): Promise<number>; press(action: string): Promise<number>; received(): string[] };

let db: Awaited<ReturnType<typeof openTestDb>> | undefined;
let rig: PlatformRig | undefined;
afterEach(async () => {
  await rig?.stop();
  await db?.close();
  rig = undefined;
  db = undefined;
});

async function start(alertTarget: string): Promise<PlatformRig> {
  db = await openTestDb();
  rig = await startRig(db, { ALERT_TARGET: alertTarget });
  return rig;
}

/** Registers a coordinator in their own chat on one platform. */
async function registerCoordinator(side: Side): Promise<void> {
  for (const [input, expected] of [
    ["hej", k("welcome.who")],
    [{ action: "role:coordinator" }, k("mentor.name")],
    ["Kim", k("coordinator.code")],
    [COORDINATOR_CODE, k("coordinator.done")],
  ] as const) {
    const before = side.received().length;
    expect(typeof input === "string" ? await side.text(input) : await side.press(input.action)).toBe(200);
    await waitFor(
      () =>
        side
          .received()
          .slice(before)
          .some((m) => m.includes(expected)),
      WAIT_MS,
      expected.slice(0, 30),
    );
  }
}

/** An alert the core delivers to the alert target (excerpt = the mentee's words). */
async function raiseAlert(r: PlatformRig): Promise<string> {
  const { id } = await raiseEscalation(
    db!.prisma,
    { dedupeKey: "sec:1", kind: "risk", severity: "high", source: "chat", excerpt: "jeg orker ikke mere" },
    r.clock.now(),
  );
  await r.app.tick();
  return id;
}

/** The person's stored identity (where they are reached) and a later message queued for them. */
const identity = (externalId: string) => db!.prisma.identity.findUniqueOrThrow({ where: { externalId } });
async function sendLater(r: PlatformRig, externalId: string): Promise<void> {
  const { personId } = await identity(externalId);
  await enqueue(db!.prisma, [
    { dedupeKey: "sec:later", recipient: personId, kind: "test", payload: { key: "raw.text", params: { text: "Later notice" } }, dueAt: r.clock.now() },
  ]);
  await r.app.tick();
}

const detailsOf = (id: string) => (m: string) =>
  m.includes(k("esc.kind.risk")) && m.includes("Kim") === false && m.includes(id) === false && m.includes("orker");

describe("a button pressed in a shared conversation", { timeout: 120_000 }, () => {
  it("slack: answered in the coordinator's DM; the channel and the stored DM stay as they were", async () => {
    const r = await start(`slack:${TEAM}:C99`);
    const user = "U7300KIM";
    const side = {
      text: (s: string) => r.slackUser.text(user, s),
      press: (a: string) => r.slackUser.press(user, a),
      received: () => r.slackUser.received(user),
    };
    await registerCoordinator(side);
    const before = await identity(`slack:${TEAM}:${user}`);
    const id = await raiseAlert(r);
    await waitFor(() => r.slack.rendered.some((m) => m.target === "C99" && m.buttons.length > 0), WAIT_MS, "alert in the channel");
    const inChannel = r.slack.rendered.filter((m) => m.target === "C99").length;
    const dm = side.received().length;

    expect(await r.slackUser.pressInChannel(user, "C99", `esc:open:${id}`)).toBe(200);
    await waitFor(() => side.received().slice(dm).some(detailsOf(id)), WAIT_MS, "details in the DM");
    expect(r.slack.rendered.filter((m) => m.target === "C99")).toHaveLength(inChannel);
    // The channel's alert keeps its buttons for the other coordinators.
    expect(r.slack.calls.filter((c) => c.method === "chat.update" && c.body.channel === "C99")).toEqual([]);
    const after = await identity(`slack:${TEAM}:${user}`);
    expect(after.conversationRef).toEqual(before.conversationRef);
    expect(after.conversationRef).toMatchObject({ channel: `D7300KIM` });

    // A second coordinator's press on the same message counts too (not deduplicated as the first's).
    const other = "U7400ANE";
    expect(await r.slackUser.pressInChannel(other, "C99", `esc:open:${id}`)).toBe(200);
    await waitFor(() => r.slackUser.received(other).includes(k("cmd.not_allowed")), WAIT_MS, "the other person's private answer");
    expect((await identity(`slack:${TEAM}:${other}`)).conversationRef).toBeNull();

    await sendLater(r, `slack:${TEAM}:${user}`);
    await waitFor(() => side.received().includes("Later notice"), WAIT_MS, "later notice in the DM");
    expect(r.slack.rendered.filter((m) => m.target === "C99")).toHaveLength(inChannel);
  });

  it("teams: the alert's button in the channel works for the coordinator, answered in their 1:1 chat", async () => {
    const channel = "19:alerts@thread.tacv2";
    const r = await start(`teams:channel:${channel}`);
    const side = {
      text: (s: string) => r.teamsUser.text("kim", s),
      press: (a: string) => r.teamsUser.press("kim", a),
      received: () => r.teamsUser.received("kim"),
    };
    await registerCoordinator(side);
    const before = await identity("teams:aad-kim");
    const id = await raiseAlert(r);
    await waitFor(() => r.teams.rendered.some((m) => m.target === channel && m.buttons.length > 0), WAIT_MS, "alert in the channel");
    const inChannel = r.teams.rendered.filter((m) => m.target === channel).length;
    const dm = side.received().length;

    expect(await r.teamsUser.pressInChannel("kim", channel, `esc:ack:${id}`)).toBe(200);
    await waitFor(() => side.received().slice(dm).includes(k("esc.acked")), WAIT_MS, "acknowledged, in the 1:1 chat");
    expect((await db!.prisma.escalation.findUniqueOrThrow({ where: { id } })).status).toBe("acknowledged");
    expect(await r.teamsUser.pressInChannel("kim", channel, `esc:open:${id}`)).toBe(200);
    await waitFor(() => side.received().slice(dm).some(detailsOf(id)), WAIT_MS, "details in the 1:1 chat");
    expect(r.teams.rendered.filter((m) => m.target === channel)).toHaveLength(inChannel);
    // The private chat was opened with the person who pressed, in the tenant.
    expect(r.teams.created.at(-1)).toMatchObject({ members: [{ id: "29:kim" }], tenantId: "tenant-1" });
    expect((await identity("teams:aad-kim")).conversationRef).toEqual(before.conversationRef);

    await sendLater(r, "teams:aad-kim");
    await waitFor(() => side.received().includes("Later notice"), WAIT_MS, "later notice in the 1:1 chat");
    expect(r.teams.rendered.filter((m) => m.target === channel)).toHaveLength(inChannel);
  });

  it("telegram: answered in the private chat; someone who never opened one gets a neutral line in the group", async () => {
    const group = -100777;
    const r = await start(`telegram:group:${group}`);
    const kim = 7301;
    const side = { text: (s: string) => r.telegram.text(kim, s), press: (a: string) => r.telegram.press(kim, a), received: () => r.telegram.received(kim) };
    await registerCoordinator(side);
    const before = await identity(`telegram:${kim}`);
    const id = await raiseAlert(r);
    const inGroup = () => r.tg.rendered.filter((m) => m.target === String(group));
    await waitFor(() => inGroup().some((m) => m.buttons.length > 0), WAIT_MS, "alert in the group");
    const groupCount = inGroup().length;
    const dm = side.received().length;

    expect(await r.telegram.pressInGroup(kim, group, `esc:open:${id}`)).toBe(200);
    await waitFor(() => side.received().slice(dm).some(detailsOf(id)), WAIT_MS, "details in the private chat");
    expect(inGroup()).toHaveLength(groupCount);
    // The group's alert keeps its buttons.
    expect(r.tg.calls.filter((c) => c.method === "editMessageReplyMarkup" && Number(c.body.chat_id) === group)).toEqual([]);
    expect((await identity(`telegram:${kim}`)).conversationRef).toEqual(before.conversationRef);

    const stranger = 7302;
    r.tg.neverStarted(stranger);
    expect(await r.telegram.pressInGroup(stranger, group, `esc:open:${id}`)).toBe(200);
    await waitFor(() => inGroup().length === groupCount + 1, WAIT_MS, "the neutral line in the group");
    const line = inGroup().at(-1)!;
    expect(line.text).toContain("@mentorbro_bot");
    expect(line.text).not.toContain(k("cmd.not_allowed"));
    expect(line.buttons).toEqual([]);
    expect((await identity(`telegram:${stranger}`)).conversationRef).toBeNull();

    await sendLater(r, `telegram:${kim}`);
    await waitFor(() => side.received().includes("Later notice"), WAIT_MS, "later notice in the private chat");
  });
});

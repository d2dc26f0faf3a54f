// The programme report on the seeded demo history: every figure in the chat text and the CSV is
// checked against the tables with independent SQL, small groups must be suppressed, the CSV must
// open with the right columns, and the chart must be a decodable PNG.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { seedDemoHistory } from "../../src/capabilities/reports/demo-history.js";
import { danishMidnight } from "../../src/capabilities/reports/period.js";
import { formatNumber } from "../../src/capabilities/reports/render.js";
import { CHART } from "../../src/capabilities/reports/chart.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { createBotHarness, T0, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";
import { decodePng } from "./png-decode.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let bot: BotHarness;
const COORD = "console:coordinator";
const from = danishMidnight("2026-01-01");
const to = danishMidnight("2026-11-24");
const CATEGORIES = ["job", "education", "internship", "wage_subsidy", "other", "none"];

beforeAll(async () => {
  db = await openTestDb();
  bot = await createBotHarness(db);
  const pid = await ensureProgramme(db.prisma);
  await seedDemo(db.prisma, pid, T0);
  expect(await seedDemoHistory(db.prisma, pid, T0)).toBe(true);
  expect(await seedDemoHistory(db.prisma, pid, T0)).toBe(false);
}, 120_000);
afterAll(async () => db.close());

const n = async (sql: string, ...params: unknown[]): Promise<number> => Number((await db.prisma.$queryRawUnsafe<{ n: unknown }[]>(sql, ...params))[0]?.n ?? 0);
const countShown = (v: number) => (v > 0 && v < 5 ? "<5" : formatNumber(v, "da"));
const pct = (part: number, whole: number) =>
  whole < 5 || (part > 0 && part < 5) ? t("da", "rep.hidden") : `${formatNumber(Math.round((part / whole) * 1000) / 10, "da")} %`;
const line = (key: string, value: string) => `• ${t("da", key)}: ${value}`;

async function expected() {
  const P = [from, to];
  const intakes = await n(`SELECT count(*) AS n FROM "SelfAssessment" WHERE kind = 'intake' AND at >= $1 AND at < $2`, ...P);
  const waiting = await n(
    `SELECT count(*) AS n FROM "MenteeProfile" mp WHERE "waitingSince" < $1 AND (status IN ('waiting','proposed') OR (SELECT min("startedAt") FROM "Match" m WHERE m."menteeId" = mp."personId") >= $1)`,
    to,
  );
  const started = await n(`SELECT count(*) AS n FROM "Match" WHERE "startedAt" >= $1 AND "startedAt" < $2`, ...P);
  const active = await n(`SELECT count(*) AS n FROM "Match" WHERE "startedAt" < $1 AND status <> 'paused' AND ("endedAt" IS NULL OR "endedAt" >= $1)`, to);
  const paused = await n(`SELECT count(*) AS n FROM "Match" WHERE "startedAt" < $1 AND status = 'paused'`, to);
  const ended = await n(`SELECT count(*) AS n FROM "Match" WHERE "endedAt" >= $1 AND "endedAt" < $2`, ...P);
  const offers = await n(`SELECT count(*) AS n FROM "Proposal" WHERE "offeredAt" >= $1 AND "offeredAt" < $2`, ...P);
  const accepted = await n(`SELECT count(*) AS n FROM "Proposal" WHERE "offeredAt" >= $1 AND "offeredAt" < $2 AND status = 'accepted'`, ...P);
  const responded = await n(
    `SELECT count(*) AS n FROM "Proposal" WHERE "offeredAt" >= $1 AND "offeredAt" < $2 AND status IN ('accepted','declined','expired')`,
    ...P,
  );
  const ci = async (role: string, status: string) =>
    n(`SELECT count(*) AS n FROM "CheckIn" WHERE role = $3 AND status = $4 AND "createdAt" >= $1 AND "createdAt" < $2`, ...P, role, status);
  const reported = async (role: string) =>
    n(
      `SELECT coalesce(sum(hours), 0) AS n FROM "CheckIn" WHERE role = $3 AND status = 'answered' AND met AND "createdAt" >= $1 AND "createdAt" < $2`,
      ...P,
      role,
    );
  const confirmed = await n(
    `SELECT coalesce(sum(least(a.hours, b.hours)), 0) AS n FROM "CheckIn" a JOIN "CheckIn" b ON a."matchId" = b."matchId" AND a.period = b.period
     WHERE a.role = 'mentor' AND b.role = 'mentee' AND a.status = 'answered' AND b.status = 'answered' AND a.met AND b.met AND abs(a.hours - b.hours) <= 0.5
       AND a."createdAt" >= $1 AND a."createdAt" < $2 AND b."createdAt" >= $1 AND b."createdAt" < $2`,
    ...P,
  );
  const planned = await n(
    `SELECT coalesce(sum(4 * extract(epoch FROM (least($2::timestamp, coalesce("endedAt", $2::timestamp)) - greatest($1::timestamp, "startedAt"))) / 86400 / (365.25 / 12)), 0) AS n
     FROM "Match" WHERE "startedAt" < $2 AND coalesce("endedAt", $2::timestamp) > $1`,
    ...P,
  );
  const outcomes: Record<string, number> = {};
  for (const c of CATEGORIES) outcomes[c] = await n(`SELECT count(*) AS n FROM "Outcome" WHERE category = $3 AND date >= $1 AND date < $2`, ...P, c);
  const byGroup = await db.prisma.$queryRawUnsafe<{ group: string; n: unknown }[]>(
    `SELECT o."targetGroup" AS "group", count(*) AS n FROM "Outcome" o JOIN "Consent" c ON c."personId" = o."menteeId" AND c.purpose = 'statistics' AND c.granted AND c."withdrawnAt" IS NULL
     WHERE o.date >= $1 AND o.date < $2 GROUP BY o."targetGroup"`,
    ...P,
  );
  const selfN = await n(
    `SELECT count(DISTINCT s."personId") AS n FROM "SelfAssessment" s JOIN "Consent" c ON c."personId" = s."personId" AND c.purpose = 'statistics' AND c.granted AND c."withdrawnAt" IS NULL
     WHERE s.kind <> 'intake' AND s.at >= $1 AND s.at < $2 AND EXISTS (SELECT 1 FROM "SelfAssessment" i WHERE i."personId" = s."personId" AND i.kind = 'intake')`,
    ...P,
  );
  return {
    intakes,
    waiting,
    started,
    active,
    paused,
    ended,
    offers,
    accepted,
    responded,
    ci,
    reported,
    confirmed,
    planned,
    outcomes,
    byGroup: byGroup.map((g) => ({ group: g.group, n: Number(g.n) })),
    selfN,
  };
}

describe("programme report on the demo history", () => {
  let replies: OutboundMessage[];
  let e: Awaited<ReturnType<typeof expected>>;
  beforeAll(async () => {
    replies = await bot.say(COORD, "rapport 2026-01-01 2026-11-23");
    e = await expected();
  }, 60_000);

  it("has text, a chart and a CSV", () => {
    expect(replies).toHaveLength(3);
    expect(replies[0]!.text).toContain(t("da", "rep.title", { first: "2026-01-01", last: "2026-11-23" }));
    expect(replies[1]!.file?.mime).toBe("image/png");
    expect(replies[2]!.file?.mime).toBe("text/csv");
  });

  it("states every figure as the tables say", async () => {
    const text = replies[0]!.text;
    expect(e.intakes).toBeGreaterThan(20);
    expect(text).toContain(line("rep.fig.intakes", countShown(e.intakes)));
    expect(text).toContain(line("rep.fig.waiting", countShown(e.waiting)));
    expect(text).toContain(line("rep.fig.started", countShown(e.started)));
    expect(text).toContain(line("rep.fig.active", countShown(e.active)));
    expect(text).toContain(line("rep.fig.paused", countShown(e.paused)));
    expect(text).toContain(line("rep.fig.ended", countShown(e.ended)));
    expect(text).toContain(line("rep.fig.offers", countShown(e.offers)));
    expect(text).toContain(`${line("rep.fig.accepted", countShown(e.accepted))} (${pct(e.accepted, e.responded)})`);
    for (const role of ["mentor", "mentee"]) {
      const answered = await e.ci(role, "answered");
      const missed = await e.ci(role, "missed");
      expect(text).toContain(line(`rep.fig.${role}_response`, pct(answered, answered + missed)));
    }
    expect(text).toContain(line("rep.fig.planned", formatNumber(Math.round(e.planned * 10) / 10, "da")));
    expect(text).toContain(line("rep.fig.reported_mentor", formatNumber(Math.round((await e.reported("mentor")) * 10) / 10, "da")));
    expect(text).toContain(line("rep.fig.reported_mentee", formatNumber(Math.round((await e.reported("mentee")) * 10) / 10, "da")));
    expect(text).toContain(line("rep.fig.confirmed", formatNumber(Math.round(e.confirmed * 10) / 10, "da")));
    expect(text).toContain(line("rep.fig.self_n", countShown(e.selfN)));
    const total = Object.values(e.outcomes).reduce((a, b) => a + b, 0);
    expect(text).toContain(line("rep.fig.outcomes_n", countShown(total)));
    for (const c of CATEGORIES) expect(text).toContain(`${line(`rep.cat.${c}`, countShown(e.outcomes[c]!))} (${pct(e.outcomes[c]!, total)})`);
    // Both suppressed and visible outcome cells occur in this data.
    expect(CATEGORIES.some((c) => e.outcomes[c]! >= 5)).toBe(true);
    expect(CATEGORIES.some((c) => e.outcomes[c]! > 0 && e.outcomes[c]! < 5)).toBe(true);
  });

  it("suppresses target groups under 5 people and shows the others", () => {
    const text = replies[0]!.text;
    const small = e.byGroup.filter((g) => g.n < 5);
    const big = e.byGroup.filter((g) => g.n >= 5);
    expect(small.map((g) => g.group)).toContain("sick_leave");
    expect(big.length).toBeGreaterThan(0);
    for (const g of small) expect(text).toContain(`• ${t("da", `opt.situation.${g.group}`)} (<5)\n`);
    for (const g of big) expect(text).toContain(`• ${t("da", `opt.situation.${g.group}`)} (${g.n}): `);
  });

  it("gives a CSV that a Danish spreadsheet opens with the right columns", () => {
    const csv = Buffer.from(replies[2]!.file!.base64, "base64").toString("utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const rows = csv
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .map((r) => r.split(";"));
    expect(rows[0]).toEqual(["Fra", "Til", "Ordning", "Afsnit", "Nøgletal", "Målgruppe", "Værdi", "Procent"]);
    for (const r of rows) expect(r).toHaveLength(8);
    const value = (figure: string) => rows.find((r) => r[4] === t("da", figure) && r[5] === "")?.[6];
    expect(value("rep.fig.intakes")).toBe(countShown(e.intakes));
    expect(value("rep.fig.started")).toBe(countShown(e.started));
    expect(value("rep.fig.confirmed")).toBe(formatNumber(Math.round(e.confirmed * 10) / 10, "da"));
    // No count of 1–4 people anywhere.
    const counts = new Set(
      [
        "rep.fig.intakes",
        "rep.fig.waiting",
        "rep.fig.started",
        "rep.fig.active",
        "rep.fig.paused",
        "rep.fig.ended",
        "rep.fig.offers",
        "rep.fig.accepted",
        "rep.fig.self_n",
        "rep.fig.outcomes_n",
        ...CATEGORIES.map((c) => `rep.cat.${c}`),
      ].map((k) => t("da", k)),
    );
    for (const r of rows.slice(1)) if (counts.has(r[4]!)) expect(["1", "2", "3", "4"]).not.toContain(r[6]);
    const sick = rows.filter((r) => r[5] === t("da", "opt.situation.sick_leave"));
    expect(sick).toEqual([
      [
        "2026-01-01",
        "2026-11-23",
        "Alle ordninger",
        t("da", "rep.section.outcomes_group"),
        t("da", "rep.fig.outcomes_n"),
        t("da", "opt.situation.sick_leave"),
        "<5",
        "",
      ],
    ]);
  });

  it("draws the chart as a PNG of the expected size", () => {
    const img = decodePng(Buffer.from(replies[1]!.file!.base64, "base64"));
    expect([img.width, img.height]).toEqual([CHART.width, CHART.height]);
    const colours = new Set<string>();
    for (let x = 0; x < img.width; x += 3) colours.add(img.pixel(x, CHART.height - 62).join(","));
    expect(colours.size).toBeGreaterThan(3);
  });

  it("reports per programme when there are several, hiding a small one", async () => {
    const other = await db.prisma.programme.create({ data: { slug: "unge", name: "Ungeindsats" } });
    const mentor = await db.prisma.mentorProfile.findFirstOrThrow();
    for (let i = 0; i < 3; i++) {
      await db.prisma.match.create({
        data: {
          programmeId: other.id,
          menteeId: `anon-x${i}`,
          mentorId: mentor.personId,
          startedAt: new Date("2026-10-01T10:00:00Z"),
          endsAt: new Date("2027-04-01T10:00:00Z"),
        },
      });
    }
    const r = await bot.say(COORD, "rapport 2026-01-01 2026-11-23");
    const text = r[0]!.text;
    const block = text.slice(text.indexOf("— Ungeindsats —"));
    expect(block).toContain(line("rep.fig.started", "<5"));
    expect(block).toContain(line("rep.fig.planned", t("da", "rep.hidden")));
    expect(text).toContain(line("rep.fig.started", countShown(e.started + 3)));
    await db.prisma.match.deleteMany({ where: { programmeId: other.id } });
    await db.prisma.programme.delete({ where: { id: other.id } });
  });

  it("asks again when the period cannot be read", async () => {
    expect((await bot.say(COORD, "rapport 2026-13"))[0]!.text).toBe(t("da", "rep.bad_period"));
  });
});

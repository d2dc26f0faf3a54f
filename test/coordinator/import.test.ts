// Mentor import: a spreadsheet with 5 bad rows reports exactly those rows; valid rows become
// invited mentors; importing the same file again changes nothing; an invited mentor joins with
// the code and finishes onboarding in the chat, asked only what the spreadsheet did not say.
import { describe, expect, it } from "vitest";
import { t, type Params } from "../../src/core/i18n/index.js";
import { parseCsv } from "../../src/capabilities/import/csv.js";
import { type BotHarness } from "../helpers/bot-harness.js";
import { makeWorld } from "./world.js";
import { useTestBot, type TestDb } from "../helpers/test-bot.js";

let db: TestDb;
let bot: BotHarness;
useTestBot({
  ready: async (d, b) => {
    db = d;
    bot = b;
    await makeWorld(d);
  },
});

const da = (key: string, p: Params = {}) => t("da", key, p);
const COORD = "console:coordinator";

// Row numbers as in the spreadsheet: the header is row 1.
const CSV = [
  "\ufeffNavn;E-mail;Branche;Stilling;Kommune;Sprog;Kompetencer;Kapacitet;Timer;Køn;Kvalifikationer",
  'Birgit Holm;birgit@example.dk;Sundhed;Sygeplejerske;Odense;dansk, engelsk;CV og ansøgninger, netværk;2;4;kvinde;"Sygeplejerske; 20 år"',
  "Jens Lund;;IT;Udvikler;Aarhus;dansk;netværk;1;4;mand;",
  "Karim Said;karim@example.dk;Byggeri;Tømrer;Aalborg;dansk, arabisk;praktiske ting;1;3;mand;",
  "Lone Berg;lone-at-example.dk;Finans;Revisor;Vejle;dansk;jobsamtaler;1;4;kvinde;",
  "Peter Vang;peter@example.dk;Rumfart;Astronaut;Herning;dansk;netværk;1;4;mand;",
  "Rikke Dahl;rikke@example.dk;Handel;Butikschef;Atlantis;dansk;cv;1;4;kvinde;",
  "Hans Moe;hans@example.dk;Transport;Chauffør;Esbjerg;dansk;netværk;7;4;mand;",
  "Mona Ali;mona@example.dk;Undervisning;Lærer;København;dansk, somali;motivation;2;5;;",
  "Ole Krogh;ole@example.dk;Industri;Værkfører;Herning;dansk;netværk, jobsamtaler;1;4;mand;",
  "Eva Juul;eva@example.dk;Socialt arbejde;Pædagog;Frederiksberg;dansk, engelsk;motivation;1;4;kvinde;Pædagog",
].join("\r\n");
const BAD: [number, string, Params][] = [
  [3, "imp.err.email_missing", {}],
  [5, "imp.err.email_invalid", { value: "lone-at-example.dk" }],
  [6, "imp.err.industry_unknown", { value: "Rumfart" }],
  [7, "imp.err.municipality_unknown", { value: "Atlantis" }],
  [8, "imp.err.capacity_invalid", { value: "7" }],
];

async function tables() {
  return JSON.stringify([
    await db.prisma.person.findMany({ orderBy: { id: "asc" } }),
    await db.prisma.mentorProfile.findMany({ orderBy: { personId: "asc" } }),
    await db.prisma.linkCode.findMany({ orderBy: { code: "asc" } }),
    await db.prisma.auditLog.count({ where: { action: "mentors.imported" } }),
  ]);
}

describe("mentor import", () => {
  it("reports exactly the 5 bad rows and invites the 5 good ones", async () => {
    const r = await bot.say(COORD, `import\n${CSV}`);
    const text = r[0]!.text;
    expect(text.split("\n")[0]).toBe(da("imp.summary", { rows: 10, created: 5, existing: 0, errors: 5 }));
    const listed = text.split("\n").slice(1);
    expect(listed).toEqual(BAD.map(([line, key, p]) => `• ${da("imp.row", { line })}: ${da(key, p)}`));
    const mentors = await db.prisma.mentorProfile.findMany({ where: { status: "invited" }, include: { person: true } });
    expect(mentors.map((m) => m.person.displayName).sort()).toEqual(["Birgit Holm", "Eva Juul", "Karim Said", "Mona Ali", "Ole Krogh"]);
    expect(mentors.find((m) => m.person.displayName === "Birgit Holm")).toMatchObject({
      industry: "health",
      municipality: "odense",
      capacity: 2,
      languages: ["da", "en"],
      competences: ["cv", "network"],
      gender: "woman",
      qualifications: "Sygeplejerske; 20 år",
    });
    // The invitation list: one row per new mentor with a code that works.
    const csv = parseCsv(Buffer.from(r[1]!.file!.base64, "base64").toString("utf8"));
    expect(csv[0]!.fields).toEqual(["Række", "Navn", "E-mail", "Kode", "Status"]);
    expect(csv.slice(1).map((x) => x.fields[0])).toEqual(["2", "4", "9", "10", "11"]);
    for (const row of csv.slice(1)) expect(row.fields[3]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(await db.prisma.linkCode.count()).toBe(5);
    // The e-mail is not stored anywhere.
    expect(JSON.stringify(await db.prisma.mentorProfile.findMany())).not.toContain("birgit@example.dk");
  });

  it("changes nothing when the same file is imported again", async () => {
    await bot.say(COORD, `import\n${CSV}`);
    const before = await tables();
    const r = await bot.say(COORD, `importer\n${CSV}`);
    expect(r[0]!.text.split("\n")[0]).toBe(da("imp.summary", { rows: 10, created: 0, existing: 5, errors: 5 }));
    expect(await tables()).toBe(before);
  });

  it("takes the file line by line on any platform, or through the form", async () => {
    const lines = CSV.split("\r\n").slice(0, 3);
    await bot.say(COORD, "import").then((r) => {
      expect(r[0]!.text).toBe(da("imp.start"));
      expect(r[0]!.form?.id).toBe("co:import");
    });
    expect(await bot.ask(COORD, lines[0]!)).toBe(da("imp.line_added", { count: 1 }));
    expect(await bot.ask(COORD, lines[1]!)).toBe(da("imp.line_added", { count: 2 }));
    expect(await bot.ask(COORD, lines[2]!)).toBe(da("imp.line_added", { count: 3 }));
    expect((await bot.ask(COORD, "færdig")).split("\n")[0]).toBe(da("imp.summary", { rows: 2, created: 1, existing: 0, errors: 1 }));
    const form = await bot.say(COORD, { action: "co:import", fields: { csv: CSV } });
    expect(form[0]!.text.split("\n")[0]).toBe(da("imp.summary", { rows: 10, created: 4, existing: 1, errors: 5 }));
  });

  it("refuses a file without the needed columns", async () => {
    expect(await bot.ask(COORD, "import\nnavn;telefon\nAnna;1234")).toBe(da("imp.file.columns", { value: "email, industry, municipality" }));
    expect(await db.prisma.mentorProfile.count({ where: { status: "invited" } })).toBe(0);
  });

  it("lets an invited mentor join with the code and finish onboarding", async () => {
    const r = await bot.say(COORD, `import\n${CSV}`);
    const invites = parseCsv(Buffer.from(r[1]!.file!.base64, "base64").toString("utf8"));
    const code = invites.find((x) => x.fields[1] === "Birgit Holm")!.fields[3]!;
    const from = "console:birgit";
    const rows: [string | { action: string }, string][] = [
      ["hej", "Hvilket sprog"],
      [{ action: "lang:da" }, da("welcome.who")],
      ["tilmeld ABCDE-FGHJK", da("imp.join_invalid")],
      [`tilmeld ${code.toLowerCase()}`, da("imp.join_welcome", { name: "Birgit Holm" })],
      ["ja", da("mentor.availability")],
      ["hverdage aften", da("mentor.meeting_form")],
      ["1", da("mentor.pref_groups")],
      ["spring over", da("mentor.age_group")],
      ["spring over", da("summary.title")],
      [{ action: "summary:confirm" }, da("mentor.done_active", { name: "Birgit Holm" })],
    ];
    for (const [i, [input, expected]] of rows.entries()) {
      const text = (await bot.say(from, input)).map((m) => m.text).join("\n---\n");
      expect(text, `row ${i}: ${JSON.stringify(input)}`).toContain(expected);
    }
    const identity = await db.prisma.identity.findUniqueOrThrow({
      where: { externalId: from },
      include: { person: { include: { mentor: true, consents: true } } },
    });
    expect(identity.person.displayName).toBe("Birgit Holm");
    expect(identity.person.mentor).toMatchObject({
      status: "active",
      approvedBy: "import",
      industry: "health",
      availability: ["weekday_evening"],
      capacity: 2,
    });
    expect(identity.person.consents.map((c) => [c.purpose, c.granted])).toEqual([["matching", true]]);
    // The chat account's first, empty person is gone; the code cannot be used again.
    expect(await db.prisma.person.count({ where: { deletedAt: { not: null } } })).toBe(0);
    expect(await db.prisma.linkCode.count({ where: { personId: identity.personId } })).toBe(0);
    expect(await bot.ask("console:someone", `tilmeld ${code}`)).toBe(da("imp.join_invalid"));
  });
});

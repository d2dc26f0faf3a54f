// The console's --jsonl mode drives a whole match: intake → proposal → approval → acceptance →
// introductions; a decline and a timeout each lead to the next candidate.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
type Line = { to: string; text: string; buttons?: { action: string; label: string }[] };

function intake(who: string, name: string, wide = false): object[] {
  // Typed numbers press the numbered button (multi-choice buttons toggle), so lists are typed as words.
  const texts = [
    "hej",
    "1",
    "1",
    "ja",
    "ja",
    "ja",
    name,
    "1",
    "6",
    "datalogi",
    "praktik",
    "IT",
    "job",
    "cv, jobsamtaler",
    "dansk, engelsk",
    "Aarhus",
    "hverdage aften",
    "i morgen",
    "fysisk, video",
    "intet ønske",
    "intet ønske",
    "1",
    "nej",
    "2",
    "2",
    "2",
    "1",
  ];
  // A broader profile (more languages, help and times) has several good candidates.
  if (wide)
    texts.splice(
      11,
      7,
      "IT, økonomi",
      "job",
      "cv, motivation, praktiske ting",
      "dansk, engelsk, arabisk",
      "Aarhus",
      "hverdage dag, hverdage aften",
      "i morgen",
    );
  return texts.map((text) => ({ from: `console:${who}`, text }));
}

describe("matching in --jsonl mode", () => {
  it("proposal, approval, acceptance, introductions; decline and timeout move to the next candidate", { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "mb-"));
    const events = [
      ...intake("ali", "Ali"),
      { from: "console:coordinator", text: "1" }, // approve Ali ↔ Anna
      { from: "console:anna", text: "1" }, // accept
      ...intake("bo", "Bo", true),
      { from: "console:coordinator", text: "1" }, // approve Bo ↔ Anna (capacity 2)
      { from: "console:anna", text: "2" }, // decline
      { from: "console:anna", text: "1" }, // reason: no time
      { from: "console:coordinator", text: "1" }, // approve Bo ↔ next mentor
      { advance: "P4D" }, // nobody answers: reminder, then expiry
      // The other two flows, in the same session: a coordinator and a mentor register.
      ...["hej", "1", "3", "Kim", "sekret-kode-4711"].map((text) => ({ from: "console:kim", text })),
      ...[
        "hej",
        "2",
        "2",
        "yes",
        "Birgitte",
        "nurse",
        "Ward nurse",
        "CV and applications, job interviews",
        "20 years in health care",
        "Danish and English",
        "Odense",
        "2",
        "4",
        "weekends",
        "video",
        "skip",
        "woman",
        "35-55",
        "skip",
        "1",
      ].map((text) => ({ from: "console:birgitte", text })),
      { from: "console:kim", text: "1" }, // approve Birgitte with the button on the notice
    ];
    const res = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--jsonl"], {
      cwd: ROOT,
      input: events.map((e) => JSON.stringify(e)).join("\n") + "\n",
      // Debug logging on, so the scan below covers every log line the demo writes.
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: "debug", DEMO_DATA: "true", COORDINATOR_INVITE_CODE: "sekret-kode-4711" },
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Line);
    const to = (who: string) => lines.filter((l) => l.to === `console:${who}`).map((l) => l.text);
    const coordinator = to("coordinator");
    expect(coordinator[0]).toMatch(/^Nyt forslag til match: Ali ↔ Anna/);
    expect(to("anna").some((t) => t.startsWith("Tak, Anna! Her er din mentee"))).toBe(true);
    expect(to("ali").some((t) => t.startsWith("Godt nyt, Ali! Du har fået en mentor: Anna"))).toBe(true);
    expect(coordinator.some((t) => /^Nyt forslag til match: Bo ↔ Anna/.test(t))).toBe(true);
    const next = coordinator.filter((t) => /^Nyt forslag til match: Bo ↔ (?!Anna)/.test(t));
    expect(next.length).toBeGreaterThanOrEqual(2); // after the decline, and after the timeout
    expect(coordinator.some((t) => t.includes("En mentor svarede ikke på et tilbud i tide"))).toBe(true);
    expect(to("kim")).toContain("Du er nu tilmeldt som koordinator. Skriv “hjælp” for at se, hvad du kan.");
    expect(to("birgitte")).toContain(
      "Thank you, Birgitte! A coordinator will look at your profile and approve it. Then we can match you with a mentee. I will write to you here.",
    );
    expect(to("kim").some((t) => t.startsWith("En ny mentor venter på godkendelse: Birgitte (Sundhed, Odense)"))).toBe(true);
    expect(to("kim")).toContain("Birgitte er godkendt og kan nu matches.");
    // No personal data or message text in the logs, and no configured secret.
    expect(res.stderr.length).toBeGreaterThan(0);
    for (const secret of ["Ali", "Bo ", "datalogi", "praktik", "Anna", "Sofia", "Aarhus", "sekret-kode-4711", "jobsamtaler", "Birgitte", "Ward nurse"]) {
      expect(res.stderr, secret).not.toContain(secret);
    }
  });
});

// Test fixtures for check-ins: a mentor and a mentee with console identities and one match,
// written directly (the matchmaking module creates matches in the real bot).
import type { Db } from "../../src/infra/db/database.js";
import type { Locale } from "../../src/core/i18n/index.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";

export interface SeededMatch {
  matchId: string;
  mentorId: string;
  menteeId: string;
  programmeId: string;
  mentor: string;
  mentee: string;
}

export interface SeedOptions {
  startedAt: Date;
  endsAt?: Date;
  weekday?: number;
  locale?: Locale;
  mentorName?: string;
  menteeName?: string;
  mentorTz?: string;
  menteeTz?: string;
  programmeId?: string;
  goals?: string[];
  /** Identity prefix: "console" (default) or e.g. "telegram". */
  platform?: string;
}

let n = 0;

export async function seedPerson(
  db: Db,
  name: string,
  roles: string[],
  locale: Locale,
  tz = "Europe/Copenhagen",
  platform = "console",
): Promise<{ id: string; externalId: string }> {
  const externalId = `${platform}:${name.toLowerCase()}${platform === "console" ? "" : `-${++n}`}`;
  const p = await db.person.create({
    data: {
      displayName: name,
      roles,
      locale,
      timezone: tz,
      identities: { create: { externalId, platform } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  return { id: p.id, externalId };
}

export async function seedMatch(db: Db, o: SeedOptions): Promise<SeededMatch> {
  const programmeId = o.programmeId ?? (await ensureProgramme(db));
  const l = o.locale ?? "da";
  const mentor = await seedPerson(db, o.mentorName ?? "Anna", ["mentor"], l, o.mentorTz, o.platform);
  const mentee = await seedPerson(db, o.menteeName ?? "Sara", ["mentee"], l, o.menteeTz, o.platform);
  await db.menteeProfile.create({ data: { personId: mentee.id, programmeId, goals: o.goals ?? ["job", "internship"], status: "matched" } });
  const endsAt = o.endsAt ?? new Date(o.startedAt.getTime() + 26 * 7 * 864e5);
  const m = await db.match.create({
    data: { programmeId, menteeId: mentee.id, mentorId: mentor.id, startedAt: o.startedAt, endsAt, checkinWeekday: o.weekday ?? 1 },
  });
  return { matchId: m.id, mentorId: mentor.id, menteeId: mentee.id, programmeId, mentor: mentor.externalId, mentee: mentee.externalId };
}

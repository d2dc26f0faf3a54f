// Demo data for the console: a coordinator and ten varied mentors, seeded idempotently (by
// identity), so a newcomer can walk through a whole mentorship in minutes.
import type { Db } from "../db/database.js";
import { changeMentorStatus, saveMentorProfile } from "../people/mentor-status.js";

interface DemoMentor {
  key: string;
  name: string;
  industry: string;
  role: string;
  municipality: string;
  languages: string[];
  competences: string[];
  capacity: number;
  gender: string;
  age: number;
  meetingForms: string[];
  availability: string[];
  groups: string[];
}

export const DEMO_MENTORS: DemoMentor[] = [
  {
    key: "anna",
    name: "Anna",
    industry: "it",
    role: "Softwareudvikler",
    municipality: "aarhus",
    languages: ["da", "en"],
    competences: ["cv", "interview", "network"],
    capacity: 2,
    gender: "woman",
    age: 38,
    meetingForms: ["in_person", "video"],
    availability: ["weekday_evening"],
    groups: ["new_graduate"],
  },
  {
    key: "omar",
    name: "Omar",
    industry: "health",
    role: "Sygeplejerske",
    municipality: "odense",
    languages: ["da", "ar", "en"],
    competences: ["workplace_culture", "language_practice", "motivation"],
    capacity: 2,
    gender: "man",
    age: 45,
    meetingForms: ["in_person"],
    availability: ["weekend", "weekday_evening"],
    groups: ["refugee_immigrant"],
  },
  {
    key: "mette",
    name: "Mette",
    industry: "construction",
    role: "Projektleder",
    municipality: "aalborg",
    languages: ["da"],
    competences: ["network", "practical", "cv"],
    capacity: 1,
    gender: "woman",
    age: 52,
    meetingForms: ["in_person", "chat"],
    availability: ["weekday_day"],
    groups: ["young_no_education"],
  },
  {
    key: "lars",
    name: "Lars",
    industry: "transport",
    role: "Lagerchef",
    municipality: "koebenhavn",
    languages: ["da", "en"],
    competences: ["interview", "network", "practical"],
    capacity: 3,
    gender: "man",
    age: 58,
    meetingForms: ["in_person", "video"],
    availability: ["weekday_day", "weekday_evening"],
    groups: ["long_term_unemployed"],
  },
  {
    key: "sofia",
    name: "Sofia",
    industry: "finance",
    role: "Økonom",
    municipality: "frederiksberg",
    languages: ["da", "en", "es"],
    competences: ["cv", "interview", "education_choice"],
    capacity: 2,
    gender: "woman",
    age: 31,
    meetingForms: ["video", "chat"],
    availability: ["weekday_evening"],
    groups: ["new_graduate"],
  },
  {
    key: "yusuf",
    name: "Yusuf",
    industry: "hospitality",
    role: "Køkkenchef",
    municipality: "aarhus",
    languages: ["da", "tr", "ar"],
    competences: ["workplace_culture", "practical", "motivation"],
    capacity: 2,
    gender: "man",
    age: 41,
    meetingForms: ["in_person"],
    availability: ["weekday_day"],
    groups: ["refugee_immigrant", "young_no_education"],
  },
  {
    key: "karen",
    name: "Karen",
    industry: "education",
    role: "Lærer",
    municipality: "vejle",
    languages: ["da", "en", "de"],
    competences: ["education_choice", "motivation", "language_practice"],
    capacity: 1,
    gender: "woman",
    age: 60,
    meetingForms: ["in_person", "video"],
    availability: ["weekday_day", "weekend"],
    groups: ["young_no_education", "sick_leave"],
  },
  {
    key: "olena",
    name: "Olena",
    industry: "retail",
    role: "Butikschef",
    municipality: "esbjerg",
    languages: ["da", "uk", "ru", "en"],
    competences: ["cv", "language_practice", "workplace_culture"],
    capacity: 2,
    gender: "woman",
    age: 36,
    meetingForms: ["in_person", "chat"],
    availability: ["weekday_evening", "weekend"],
    groups: ["refugee_immigrant"],
  },
  {
    key: "peter",
    name: "Peter",
    industry: "manufacturing",
    role: "Produktionsleder",
    municipality: "herning",
    languages: ["da"],
    competences: ["network", "interview", "practical"],
    capacity: 2,
    gender: "man",
    age: 49,
    meetingForms: ["in_person"],
    availability: ["weekday_day"],
    groups: ["long_term_unemployed", "sick_leave"],
  },
  {
    key: "amina",
    name: "Amina",
    industry: "social-care",
    role: "Socialrådgiver",
    municipality: "koebenhavn",
    languages: ["da", "so", "en"],
    competences: ["motivation", "practical", "education_choice"],
    capacity: 2,
    gender: "woman",
    age: 44,
    meetingForms: ["in_person", "video", "chat"],
    availability: ["weekday_day", "weekday_evening"],
    groups: ["sick_leave", "refugee_immigrant"],
  },
];

export async function seedDemo(db: Db, programmeId: string, now: Date): Promise<void> {
  const coordinator = await upsertPerson(db, "console:coordinator", "Kim (koordinator)", ["coordinator"]);
  for (const m of DEMO_MENTORS) {
    const id = await upsertPerson(db, `console:${m.key}`, m.name, ["mentor"]);
    const fields = {
      industry: m.industry,
      role: m.role,
      competences: m.competences,
      languages: m.languages,
      municipality: m.municipality,
      capacity: m.capacity,
      availability: m.availability,
      meetingForms: m.meetingForms,
      preferences: { targetGroups: m.groups, gender: m.gender, age: m.age },
      qualifications: `${m.role} med mange års erfaring (demo)`,
    };
    // Seeded once: a restart leaves the mentors as the demo left them. Active the ordinary way,
    // approved by the demo coordinator (src/people/mentor-status.ts).
    if (!(await db.mentorProfile.findUnique({ where: { personId: id }, select: { personId: true } }))) {
      await db.$transaction(async (tx) => {
        await saveMentorProfile(tx, id, programmeId, fields, "pending", { role: "self", id }, now);
        await changeMentorStatus(tx, id, { type: "approve" }, { role: "coordinator", id: coordinator }, now);
      });
    }
    await db.consent.upsert({
      where: { personId_purpose: { personId: id, purpose: "matching" } },
      create: { personId: id, purpose: "matching", granted: true, at: now },
      update: {},
    });
  }
}

async function upsertPerson(db: Db, externalId: string, name: string, roles: string[]): Promise<string> {
  const existing = await db.identity.findUnique({ where: { externalId } });
  if (existing) return existing.personId;
  const p = await db.person.create({
    data: { displayName: name, roles, identities: { create: { externalId, platform: "console" } }, conversation: { create: { data: { mode: "idle" } } } },
  });
  return p.id;
}

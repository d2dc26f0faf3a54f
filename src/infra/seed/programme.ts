// Every installation needs at least one programme (mentorordning) with its rules.
import type { Db } from "../db/database.js";

export async function ensureProgramme(db: Db): Promise<string> {
  const existing = await db.programme.findFirst({ orderBy: { createdAt: "asc" } });
  if (existing) return existing.id;
  const p = await db.programme.upsert({
    where: { slug: "standard" },
    create: { slug: "standard", name: "Mentorordning (6 måneder, 4 timer om måneden)" },
    update: {},
  });
  return p.id;
}

// Prepares a bot's DATA_DIR before the process starts: the programme and demo people, then whatever
// the test writes, and the folder closed again so the child process can open it.
import { openDatabase, type Db } from "../../src/infra/db/database.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";

export async function seedDataDir(dir: string, write: (db: Db, programmeId: string, now: Date) => Promise<void>): Promise<void> {
  const database = await openDatabase({ dataDir: dir });
  try {
    const now = new Date();
    const programmeId = await ensureProgramme(database.prisma);
    await seedDemo(database.prisma, programmeId, now);
    await write(database.prisma, programmeId, now);
  } finally {
    await database.close();
  }
}

// CI guard: fails when prisma/schema.prisma has changes no migration covers.
import { isEmptyMigration, schemaDiff } from "./schema-diff.js";

const sql = await schemaDiff();
if (!isEmptyMigration(sql)) {
  console.error("Schema and migrations disagree. Run `npm run db:migration -- <name>`. Missing SQL:\n" + sql);
  process.exit(1);
}
console.log("Schema and migrations agree.");

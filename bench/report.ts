// Programme report benchmark on the demo history scaled up (embedded PGlite, in memory).
//   npx tsx bench/report.ts [--scales 1,10] [--runs 3]
// Prints per scale: mentees, check-ins, seeding time, and the median time to compute the report
// and to render its text, CSV and PNG chart.
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/infra/db/database.js";
import { seedDemo } from "../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../src/infra/seed/programme.js";
import { seedDemoHistory } from "../src/capabilities/reports/index.js";
import { computeReport } from "../src/capabilities/reports/index.js";
import { parsePeriod } from "../src/capabilities/reports/index.js";
import { reportChart, reportCsv, reportText } from "../src/capabilities/reports/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const scales = arg("scales", "1,10").split(",").map(Number);
const runs = Number(arg("runs", "3"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const now = new Date("2026-11-24T09:00:00Z");

for (const scale of scales) {
  const db = await openDatabase({ dataDir: "memory://", startTimeoutMs: 120_000 });
  const pid = await ensureProgramme(db.prisma);
  await seedDemo(db.prisma, pid, now);
  let t = performance.now();
  await seedDemoHistory(db.prisma, pid, now, scale);
  const seedMs = performance.now() - t;
  const period = parsePeriod("2026-01-01 2026-11-23", now)!;
  const compute: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const report = await computeReport(db.prisma, period, now);
    compute.push(performance.now() - t);
    t = performance.now();
    reportText(report, "da");
    reportCsv(report, "da");
    reportChart(report, "da");
    render.push(performance.now() - t);
  }
  const mentees = await db.prisma.menteeProfile.count();
  const checkins = await db.prisma.checkIn.count();
  console.log(
    `scale ${scale}: ${mentees} mentees, ${checkins} check-ins; seed ${Math.round(seedMs)} ms; compute median ${Math.round(median(compute))} ms; render (text+csv+png) median ${Math.round(median(render))} ms`,
  );
  await db.close();
}

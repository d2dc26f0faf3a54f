import { solveAssignment } from "./_oa.tmp.ts";
import { readFileSync } from "node:fs";
const j = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
const n = j.mentees.length, R = j.mentors.length;
const values = new Int32Array(n * R);
j.values.forEach((row: number[], r: number) => row.forEach((x, i) => (values[r * n + i] = x)));
for (let k = 0; k < 3; k++) {
(globalThis as any).S = 0; (globalThis as any).R = 0;
const t = performance.now();
const s = solveAssignment(values, n, R, j.capacity);
console.log(s.total, (performance.now() - t).toFixed(1), (globalThis as any).S, (globalThis as any).R);
}

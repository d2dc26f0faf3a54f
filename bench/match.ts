// Matching benchmark on seeded, realistic random pools.
//   npx tsx bench/match.ts [--sizes 100x30,2000x500] [--seed 1] [--out dir]
// Prints per size: pool, candidate pairs, scoring and assignment time, objective, pairs, and
// whether the LP-duality certificate (src/lib/matching/certificate.ts) confirms optimality.
//
// --out dir writes dir/match-<mentees>x<mentors>.json per size, for independent checking:
//   { mentees: string[], mentors: string[],      // ids in index (= id) order
//     capacity: number[],                        // free capacity per mentor
//     values: number[][],                        // values[i][r]: score + waiting bonus of mentee i
//                                                //   with mentor r; 0 = not a candidate pair
//     mentorOf: number[],                        // chosen mentor index per mentee, -1 = none
//     total: number,                             // Σ values[i][mentorOf[i]] over assigned mentees
//     menteeDual: number[], mentorDual: number[] // y_i, z_r ≥ 0 with y_i + z_r ≥ values[i][r] and
//   }                                            //   Σ y + Σ min(cap, #mentees)·z = total ⇒ optimal

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { describeAssignment } from "../src/lib/matching/assign.js";
import { checkCertificate } from "../src/lib/matching/certificate.js";
import { solveAssignment } from "../src/lib/matching/optimal-assignment.js";
import { DEFAULT_WEIGHTS } from "../src/lib/matching/types.js";
import type { Locality, MenteeCandidate, MentorCandidate, ScoreContext } from "../src/lib/matching/types.js";
import { buildValueMatrix } from "../src/lib/matching/value-matrix.js";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Made-up geography on real names: region and a few neighbours each (made symmetric below).
const MUNICIPALITIES: [string, string, string[]][] = [
  ["koebenhavn", "H", ["frederiksberg", "gentofte", "hvidovre", "taarnby", "roedovre", "gladsaxe"]],
  ["frederiksberg", "H", ["koebenhavn"]],
  ["gentofte", "H", ["lyngby-taarbaek", "gladsaxe"]],
  ["gladsaxe", "H", ["lyngby-taarbaek", "herlev"]],
  ["herlev", "H", ["ballerup", "roedovre"]],
  ["ballerup", "H", ["egedal"]],
  ["roedovre", "H", ["hvidovre", "albertslund"]],
  ["hvidovre", "H", ["broendby"]],
  ["broendby", "H", ["albertslund", "ishoej"]],
  ["albertslund", "H", ["hoeje-taastrup"]],
  ["ishoej", "H", ["hoeje-taastrup"]],
  ["hoeje-taastrup", "H", ["roskilde"]],
  ["taarnby", "H", []],
  ["lyngby-taarbaek", "H", ["egedal"]],
  ["egedal", "H", ["roskilde"]],
  ["roskilde", "SJ", ["koege"]],
  ["koege", "SJ", ["naestved"]],
  ["naestved", "SJ", ["slagelse"]],
  ["slagelse", "SJ", []],
  ["odense", "SD", ["svendborg", "middelfart"]],
  ["svendborg", "SD", []],
  ["middelfart", "SD", ["kolding", "fredericia"]],
  ["kolding", "SD", ["vejle", "fredericia", "esbjerg"]],
  ["fredericia", "SD", ["vejle"]],
  ["esbjerg", "SD", []],
  ["vejle", "SD", ["horsens"]],
  ["horsens", "MJ", ["aarhus", "silkeborg"]],
  ["aarhus", "MJ", ["silkeborg", "randers"]],
  ["silkeborg", "MJ", ["viborg"]],
  ["randers", "MJ", ["viborg"]],
  ["viborg", "MJ", []],
  ["aalborg", "NJ", []],
];
const REGION = new Map(MUNICIPALITIES.map(([id, region]) => [id, region]));
const NEIGHBOURS = new Set(MUNICIPALITIES.flatMap(([a, , ns]) => ns.flatMap((b) => [`${a}|${b}`, `${b}|${a}`])));

export function locality(a?: string, b?: string): Locality {
  if (a === undefined || b === undefined) return "other";
  if (a === b) return "same";
  if (NEIGHBOURS.has(`${a}|${b}`)) return "neighbour";
  return REGION.get(a) === REGION.get(b) ? "region" : "other";
}

const INDUSTRIES = [
  "it",
  "health",
  "retail",
  "construction",
  "transport",
  "education",
  "finance",
  "hospitality",
  "manufacturing",
  "public_admin",
  "cleaning",
  "agriculture",
  "media",
  "energy",
  "care",
  "law",
  "engineering",
  "marketing",
  "logistics",
  "culture",
];
const HELP = ["cv", "network", "workplace_culture", "motivation", "language_practice", "practical", "interview", "education_choice"];
const GROUPS = ["new_graduate", "refugee_immigrant", "long_term_unemployed", "sick_leave", "young_no_education"];
const SLOTS = ["weekday_day", "weekday_evening", "weekend"];
const FORMS = ["in_person", "video", "chat"];
const OTHER_LANGUAGES = ["ar", "uk", "so", "fa", "ti", "tr", "pl", "ur"];

function generatePool(nMentees: number, nMentors: number, seed: number, now: Date) {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Skewed choice: earlier entries are more common (roughly Zipf).
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rnd() ** 2)]!;
  const some = <T>(xs: readonly T[], lo: number, hi: number): T[] => {
    const k = int(lo, hi);
    const out = new Set<T>();
    while (out.size < k) out.add(pick(xs));
    return [...out];
  };
  const place = () => (rnd() < 0.05 ? undefined : skewed(MUNICIPALITIES)[0]);

  const mentees: MenteeCandidate[] = Array.from({ length: nMentees }, (_, k) => {
    const targetGroup = skewed(GROUPS);
    const foreign = targetGroup === "refugee_immigrant" || rnd() < 0.08;
    const first = pick(OTHER_LANGUAGES);
    const languages = foreign ? (rnd() < 0.7 ? [first, "da"] : [first, "en"]) : rnd() < 0.3 ? ["da", "en"] : ["da"];
    const wishes: MenteeCandidate["wishes"] = {};
    if (rnd() < 0.3) wishes.mentorGender = pick(["female", "male"]);
    if (rnd() < 0.2) Object.assign(wishes, { mentorAgeMin: int(25, 40), mentorAgeMax: int(45, 70) });
    return {
      id: `mentee-${String(k).padStart(5, "0")}`,
      industries: some(INDUSTRIES, 1, 3).map(() => skewed(INDUSTRIES)),
      municipality: place(),
      languages,
      helpWanted: some(HELP, 1, 3),
      wishes,
      targetGroup,
      availability: some(SLOTS, 1, 2),
      meetingForms: some(FORMS, 1, 3),
      waitingSince: new Date(now.getTime() - int(0, 120) * 86_400_000 - int(0, 86_399_999)),
    };
  });
  const mentors: MentorCandidate[] = Array.from({ length: nMentors }, (_, k) => ({
    id: `mentor-${String(k).padStart(4, "0")}`,
    industry: rnd() < 0.95 ? skewed(INDUSTRIES) : undefined,
    municipality: place(),
    languages: rnd() < 0.12 ? ["da", "en", pick(OTHER_LANGUAGES)] : rnd() < 0.7 ? ["da", "en"] : ["da"],
    competences: some(HELP, 2, 5),
    freeCapacity: int(1, 3),
    gender: pick(["female", "male"]),
    age: int(25, 70),
    preferences: rnd() < 0.4 ? { targetGroups: some(GROUPS, 1, 2) } : {},
    availability: some(SLOTS, 1, 3),
    meetingForms: some(FORMS, 1, 3),
  }));
  // About one pair in a thousand declined or ended before; looked up per mentee, as a caller
  // holding declined pairs / conflicts in memory would.
  const excludedBy = new Map<string, Set<string>>();
  for (let k = 0; k < (nMentees * nMentors) / 1000; k++) {
    const menteeId = pick(mentees).id;
    const set = excludedBy.get(menteeId) ?? new Set<string>();
    set.add(pick(mentors).id);
    excludedBy.set(menteeId, set);
  }
  const ctx: ScoreContext = {
    weights: DEFAULT_WEIGHTS,
    locality,
    excluded: (menteeId, mentorId) => excludedBy.get(menteeId)?.has(mentorId) ?? false,
  };
  return { mentees, mentors, ctx };
}

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const k = argv.indexOf(name);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const sizes = (get("--sizes") ?? "100x30,500x125,1000x250,2000x500").split(",").map((s) => {
    const m = /^(\d+)x(\d+)$/.exec(s.trim());
    if (!m) throw new Error(`Bad size ${s}; expected e.g. 2000x500`);
    return [Number(m[1]), Number(m[2])] as const;
  });
  return { sizes, out: get("--out"), seed: Number(get("--seed") ?? 1) };
}

function main(): void {
  const { sizes, out, seed } = parseArgs(process.argv.slice(2));
  const now = new Date("2025-06-01T08:00:00Z");
  if (out) mkdirSync(out, { recursive: true });
  const rows: Record<string, string | number>[] = [];
  for (const [nMentees, nMentors] of sizes) {
    const { mentees, mentors, ctx } = generatePool(nMentees, nMentors, seed * 1_000_003 + nMentees * 7 + nMentors, now);
    const t0 = performance.now();
    const matrix = buildValueMatrix(mentees, mentors, ctx, now);
    const t1 = performance.now();
    const solution = solveAssignment(matrix.values, nMentees, nMentors, matrix.capacity);
    const result = describeAssignment(matrix, solution, ctx);
    const t2 = performance.now();
    const cert = checkCertificate({ ...matrix, ...solution, nMentees, nMentors });
    rows.push({
      mentees: nMentees,
      mentors: nMentors,
      slots: matrix.capacity.reduce((s, c) => s + c, 0),
      candidates: matrix.values.reduce((s, x) => s + (x > 0 ? 1 : 0), 0),
      "score ms": (t1 - t0).toFixed(1),
      "assign ms": (t2 - t1).toFixed(1),
      total: result.total,
      pairs: result.pairs.length,
      optimal: cert.ok ? "certified" : `NO: ${cert.problem}`,
    });
    if (out) {
      const file = join(out, `match-${nMentees}x${nMentors}.json`);
      const values = Array.from({ length: nMentees }, (_, i) => Array.from(matrix.values.subarray(i * nMentors, (i + 1) * nMentors)));
      writeFileSync(
        file,
        JSON.stringify({
          mentees: matrix.mentees.map((m) => m.id),
          mentors: matrix.mentors.map((m) => m.id),
          capacity: Array.from(matrix.capacity),
          values,
          mentorOf: Array.from(solution.mentorOf),
          total: solution.total,
          menteeDual: Array.from(solution.menteeDual),
          mentorDual: Array.from(solution.mentorDual),
        }),
      );
    }
  }
  console.table(rows);
  if (rows.some((r) => r.optimal !== "certified")) process.exitCode = 1;
}

main();

// Imports the mentor spreadsheet a coordinator already has. Valid rows become invited mentors
// (status "invited", not yet matchable) with an invitation code; they finish onboarding in the chat
// (join.ts). A row is known by a hash of its e-mail, so importing the same file again changes
// nothing. The e-mail itself is not stored: the coordinator has it.
import { createHash, randomInt } from "node:crypto";
import type { Tx } from "../../infra/db/tx.js";
import { saveMentorProfile } from "../../infra/people/mentor-status.js";
import { MAX_ROWS, parseCsv } from "./csv.js";
import { mapHeader, validateRow, type RowError } from "./mentor-rows.js";

export const INVITE_TTL_MS = 60 * 864e5;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** Longer than identity-link codes (8), so "link <invite code>" is not mistaken for one. */
export const INVITE_CODE_LENGTH = 10;

export function newInviteCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const showInviteCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

export function normalizeInviteCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, "");
  return s.length === INVITE_CODE_LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : undefined;
}

export const importKeyOf = (email: string): string => createHash("sha256").update(`mentor-import:${email.trim().toLowerCase()}`).digest("hex").slice(0, 40);

export interface Invitation {
  line: number;
  name: string;
  email: string;
  /** Shown form; absent when an earlier invitation was already used. */
  code?: string;
  status: "new" | "existing";
}

export interface ImportResult {
  fileError?: { code: "empty" | "columns" | "too_many"; value?: string };
  rows: number;
  invitations: Invitation[];
  errors: RowError[];
}

export async function importMentors(tx: Tx, csv: string, opts: { programmeId: string; actorId: string; now: Date }): Promise<ImportResult> {
  const table = parseCsv(csv);
  const result: ImportResult = { rows: Math.max(0, table.length - 1), invitations: [], errors: [] };
  if (table.length < 2) return { ...result, fileError: { code: "empty" } };
  if (table.length - 1 > MAX_ROWS) return { ...result, fileError: { code: "too_many", value: String(MAX_ROWS) } };
  const { columns, missing } = mapHeader(table[0]!.fields);
  if (missing.length) return { ...result, fileError: { code: "columns", value: missing.join(", ") } };
  const seen = new Set<string>();
  for (const { line, fields } of table.slice(1)) {
    const { row, errors } = validateRow(line, fields, columns);
    if (!row) {
      result.errors.push(...errors);
      continue;
    }
    if (seen.has(row.email)) {
      result.errors.push({ line, code: "email_duplicate", value: row.email });
      continue;
    }
    seen.add(row.email);
    const importKey = importKeyOf(row.email);
    const existing = await tx.mentorProfile.findUnique({ where: { importKey }, select: { personId: true } });
    if (existing) {
      const link = await tx.linkCode.findFirst({ where: { personId: existing.personId, expiresAt: { gt: opts.now } } });
      result.invitations.push({ line, name: row.name, email: row.email, status: "existing", ...(link ? { code: showInviteCode(link.code) } : {}) });
      continue;
    }
    const person = await tx.person.create({ data: { displayName: row.name, roles: ["mentor"], locale: "da" } });
    const profile = {
      industry: row.industry,
      role: row.role,
      competences: row.competences,
      languages: row.languages,
      municipality: row.municipality,
      capacity: row.capacity,
      hoursPerMonth: row.hours,
      qualifications: row.qualifications,
      gender: row.gender,
      importKey,
    };
    // Invited, not matchable: the mentor becomes active by joining with the code (join.ts).
    await saveMentorProfile(tx, person.id, opts.programmeId, profile, "invited", { role: "coordinator", id: opts.actorId }, opts.now);
    let code = newInviteCode();
    while (await tx.linkCode.findUnique({ where: { code } })) code = newInviteCode();
    await tx.linkCode.create({ data: { code, personId: person.id, expiresAt: new Date(opts.now.getTime() + INVITE_TTL_MS) } });
    result.invitations.push({ line, name: row.name, email: row.email, code: showInviteCode(code), status: "new" });
  }
  const created = result.invitations.filter((i) => i.status === "new").length;
  if (created)
    await tx.auditLog.create({ data: { actorId: opts.actorId, action: "mentors.imported", details: { created, errors: result.errors.length }, at: opts.now } });
  return result;
}

// Validates the rows of a mentor spreadsheet. Column names may be Danish or English; each problem
// is reported with the row number the coordinator sees in the spreadsheet (the header is row 1).
import { cleanName } from "../../lib/text/names.js";
import { t } from "../../core/i18n/index.js";
import { HELP_OPTIONS } from "../onboarding/index.js";
import { interpretIndustries } from "../../lib/text/industries.js";
import { interpretLanguages } from "../../lib/text/languages.js";
import { findMunicipality } from "../../lib/text/municipalities.js";
import { fold } from "../../lib/text/normalize.js";
import { matchMany } from "../../lib/text/option-match.js";

export type Field =
  | "name"
  | "email"
  | "phone"
  | "industry"
  | "role"
  | "municipality"
  | "languages"
  | "competences"
  | "capacity"
  | "hours"
  | "gender"
  | "qualifications";

const HEADERS: Record<Field, string[]> = {
  name: ["navn", "name", "fulde navn", "full name", "fornavn og efternavn"],
  email: ["email", "e mail", "mail", "emailadresse", "e mailadresse", "email address"],
  phone: ["telefon", "tlf", "phone", "mobil", "mobile", "telefonnummer"],
  industry: ["branche", "industry", "sector", "sektor"],
  role: ["stilling", "titel", "jobtitel", "role", "title", "job title", "job"],
  municipality: ["kommune", "municipality", "by", "city"],
  languages: ["sprog", "languages", "language"],
  competences: ["kompetencer", "competences", "skills", "kan hjaelpe med", "can help with"],
  capacity: ["kapacitet", "capacity", "antal mentees", "mentees"],
  hours: ["timer", "hours", "timer pr maaned", "timer om maaneden", "hours per month"],
  gender: ["koen", "gender"],
  qualifications: ["kvalifikationer", "qualifications", "erfaring", "experience"],
};
export const REQUIRED: Field[] = ["name", "email", "industry", "municipality"];

export interface MentorRow {
  line: number;
  name: string;
  email: string;
  industry: string;
  role: string | null;
  municipality: string;
  languages: string[];
  competences: string[];
  capacity: number;
  hours: number;
  gender: string | null;
  qualifications: string | null;
}

export interface RowError {
  line: number;
  /** Catalogue key imp.err.<code>. */
  code: string;
  value?: string;
}

const EMAIL = /^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]{2,}$/;
const GENDERS: Record<string, string> = {
  kvinde: "woman",
  woman: "woman",
  k: "woman",
  f: "woman",
  female: "woman",
  mand: "man",
  man: "man",
  m: "man",
  male: "man",
  andet: "other",
  other: "other",
};

/** Column index per field, or the names of missing required columns. */
export function mapHeader(header: string[]): { columns: Partial<Record<Field, number>>; missing: Field[] } {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const f = fold(h);
    const field = (Object.keys(HEADERS) as Field[]).find((k) => HEADERS[k].includes(f));
    if (field && columns[field] === undefined) columns[field] = i;
  });
  return { columns, missing: REQUIRED.filter((f) => columns[f] === undefined) };
}

// Spreadsheets use short words ("netværk", "cv"), not the chat's button labels.
const SHORT: Record<string, string[]> = {
  cv: ["cv", "ansøgning", "ansøgninger", "applications"],
  interview: ["jobsamtale", "samtaler", "interview", "interviews"],
  network: ["netværk", "kontakter", "network", "networking"],
  workplace_culture: ["arbejdskultur", "kultur", "culture"],
  motivation: ["motivation", "selvtillid", "confidence"],
  language_practice: ["dansk", "sprogtræning", "danish", "language"],
  education_choice: ["uddannelse", "uddannelsesvalg", "education"],
  practical: ["praktisk", "praktiske ting", "practical"],
};
const competenceOptions = HELP_OPTIONS.map((id) => ({
  action: id,
  label: t("da", `opt.help.${id}`),
  synonyms: [t("en", `opt.help.${id}`), id.replace(/_/g, " "), ...(SHORT[id] ?? [])],
}));
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function validateRow(line: number, fields: string[], columns: Partial<Record<Field, number>>): { row?: MentorRow; errors: RowError[] } {
  const get = (f: Field) => (columns[f] === undefined ? "" : (fields[columns[f]!] ?? "").trim());
  const errors: RowError[] = [];
  const err = (code: string, value?: string) => errors.push({ line, code, ...(value ? { value: clip(value) } : {}) });
  const rawName = get("name");
  const checked = cleanName(rawName);
  const name = checked.ok ? checked.name : "";
  if (!rawName) err("name_missing");
  else if (!checked.ok) err(checked.problem === "invisible" ? "name_invisible" : "name_invalid", checked.problem === "invisible" ? undefined : rawName);
  const email = get("email").toLowerCase();
  if (!email) err("email_missing");
  else if (!EMAIL.test(email)) err("email_invalid", email);
  const industryText = get("industry");
  const industry = industryText ? interpretIndustries(industryText).matches[0]?.id : undefined;
  if (!industryText) err("industry_missing");
  else if (!industry) err("industry_unknown", industryText);
  const municipalityText = get("municipality");
  const municipality = municipalityText ? findMunicipality(municipalityText)?.id : undefined;
  if (!municipalityText) err("municipality_missing");
  else if (!municipality) err("municipality_unknown", municipalityText);
  const langs = get("languages") ? interpretLanguages(get("languages")) : { codes: ["da"], unknown: [] };
  if (langs.unknown.length) err("language_unknown", langs.unknown.join(", "));
  const picked = get("competences") ? matchMany(get("competences"), competenceOptions) : { actions: [], unknown: [] };
  if (picked.unknown.length) err("competence_unknown", picked.unknown.join(", "));
  const competences = picked.actions;
  const capacity = get("capacity") ? Number(get("capacity")) : 1;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 3) err("capacity_invalid", get("capacity"));
  const hours = get("hours") ? Number(get("hours").replace(",", ".")) : 4;
  if (!Number.isFinite(hours) || hours < 1 || hours > 20) err("hours_invalid", get("hours"));
  const genderText = fold(get("gender"));
  const gender = genderText ? GENDERS[genderText] : null;
  if (gender === undefined) err("gender_unknown", get("gender"));
  const role = get("role").slice(0, 120) || null;
  const qualifications = get("qualifications").slice(0, 500) || null;
  if (errors.length) return { errors };
  return {
    row: {
      line,
      name,
      email,
      industry: industry!,
      role,
      municipality: municipality!,
      languages: langs.codes,
      competences: [...new Set(competences)],
      capacity,
      hours: Math.round(hours),
      gender: gender ?? null,
      qualifications,
    },
    errors,
  };
}

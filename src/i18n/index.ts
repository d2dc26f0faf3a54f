// Text lookup. Every user-facing string lives in a catalogue; missing keys fall back to English,
// then to the key itself, so a gap shows up in tests rather than as a crash.
import { da } from "./catalog-da.js";
import { en } from "./catalog-en.js";
import { matchDa } from "../matchmaking/texts-da.js";
import { matchEn } from "../matchmaking/texts-en.js";
import { linkingDa } from "../linking/texts-da.js";
import { linkingEn } from "../linking/texts-en.js";
import { escalationDa } from "../escalation/texts-da.js";
import { escalationEn } from "../escalation/texts-en.js";
import { checkinsDa } from "../checkins/texts-da.js";
import { checkinsEn } from "../checkins/texts-en.js";
import { coordinatorDa } from "../coordinator/texts-da.js";
import { coordinatorEn } from "../coordinator/texts-en.js";
import { reportsDa } from "../reports/texts-da.js";
import { reportsEn } from "../reports/texts-en.js";
import { importDa } from "../import/texts-da.js";
import { importEn } from "../import/texts-en.js";
import { privacyDa } from "../privacy/texts-da.js";
import { privacyEn } from "../privacy/texts-en.js";
import { securityDa } from "../security/texts-da.js";
import { securityEn } from "../security/texts-en.js";

export type Locale = "da" | "en";
export const LOCALES: Locale[] = ["da", "en"];
// Capabilities keep their texts beside their code (src/<capability>/texts-da.ts, texts-en.ts);
// list each part here so one lookup and one consistency test cover them all.
const PARTS: Record<Locale, Record<string, string>>[] = [{ da, en }, { da: matchDa, en: matchEn }, { da: linkingDa, en: linkingEn }, { da: escalationDa, en: escalationEn }, { da: checkinsDa, en: checkinsEn }, { da: coordinatorDa, en: coordinatorEn }, { da: reportsDa, en: reportsEn }, { da: importDa, en: importEn }, { da: privacyDa, en: privacyEn }, { da: securityDa, en: securityEn }];

export const CATALOGUES: Record<Locale, Record<string, string>> = {
  da: Object.assign({}, ...PARTS.map((p) => p.da)),
  en: Object.assign({}, ...PARTS.map((p) => p.en)),
};

export type Params = Record<string, string | number>;

export function t(locale: Locale, key: string, params: Params = {}): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function toLocale(value: string | undefined | null, fallback: Locale = "da"): Locale {
  const v = (value ?? "").toLowerCase();
  if (v.startsWith("da")) return "da";
  if (v.startsWith("en")) return "en";
  return fallback;
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

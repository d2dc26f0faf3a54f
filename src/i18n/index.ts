// Text lookup. Every user-facing string lives in a catalogue; missing keys fall back to English,
// then to the key itself, so a gap shows up in tests rather than as a crash.
import { da } from "./catalog-da.js";
import { en } from "./catalog-en.js";
import { matchDa } from "../matchmaking/texts-da.js";
import { matchEn } from "../matchmaking/texts-en.js";

export type Locale = "da" | "en";
export const LOCALES: Locale[] = ["da", "en"];
// Capabilities keep their texts beside their code (src/<capability>/texts-da.ts, texts-en.ts);
// list each part here so one lookup and one consistency test cover them all.
const PARTS: Record<Locale, Record<string, string>>[] = [{ da, en }, { da: matchDa, en: matchEn }];

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

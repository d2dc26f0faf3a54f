// Text lookup. Every user-facing string lives in a catalogue; missing keys fall back to English,
// then to the key itself, so a gap shows up in tests rather than as a crash.
import { da } from "./catalog-da.js";
import { en } from "./catalog-en.js";
import { securityDa } from "./security-da.js";
import { securityEn } from "./security-en.js";
import { understandDa } from "./understand-da.js";
import { understandEn } from "./understand-en.js";

export type Locale = "da" | "en";
export const LOCALES: Locale[] = ["da", "en"];
/** A part of the catalogue: the same keys in every language. */
export type Texts = Record<Locale, Record<string, string>>;

// The core's own texts are here; each capability carries its texts (Capability.texts) and createApp
// adds them, so this bottom layer imports nothing above it. One lookup then serves every key.
const merged: Texts = { da: { ...da, ...securityDa, ...understandDa }, en: { ...en, ...securityEn, ...understandEn } };
export const CATALOGUES: Readonly<Texts> = merged;

/** Adds a capability's texts. The same key with another text from two places is a mistake, not an override. */
export function addTexts(texts: Texts): void {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(texts[locale])) {
      const had = merged[locale][key];
      if (had !== undefined && had !== text) throw new Error(`Text key ${key} (${locale}) is defined twice`);
      merged[locale][key] = text;
    }
  }
}

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

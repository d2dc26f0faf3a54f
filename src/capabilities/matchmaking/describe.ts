// Turns ids (industries, municipalities, languages, option ids) and score reasons into plain words.
import { t, type Locale } from "../../core/i18n/index.js";
import { industryName } from "../../lib/text/industries.js";
import { municipalityName } from "../../lib/text/municipalities.js";
import { languageName } from "../../lib/text/languages.js";
import type { Reason } from "../../lib/matching/types.js";

const list = (ids: string[] | string | undefined): string[] => (Array.isArray(ids) ? ids : ids ? ids.split(", ").filter(Boolean) : []);

export const names = {
  industries: (ids: string[] | string | undefined, l: Locale) =>
    list(ids)
      .map((i) => industryName(i, l))
      .join(", "),
  municipality: (id: string | null | undefined) => (id ? municipalityName(id) : "–"),
  languages: (ids: string[] | string | undefined, l: Locale) =>
    list(ids)
      .map((c) => languageName(c, l))
      .join(", "),
  // An id with no catalogue entry (text kept from an older version) is shown as it is.
  options: (set: string, ids: string[] | string | undefined, l: Locale) =>
    list(ids)
      .map((i) => {
        const key = `opt.${set}.${i}`;
        const name = t(l, key);
        return name === key ? i : name;
      })
      .join(", "),
};

export function reasonText(r: Reason, l: Locale): string {
  const p = r.params;
  const params: Record<string, string> = {
    ...p,
    industry: names.industries(p.industry, l),
    municipality: names.municipality(p.municipality),
    mentorMunicipality: names.municipality(p.mentorMunicipality),
    languages: names.languages(p.languages, l),
    language: names.languages(p.language, l),
    topics: names.options("help", p.topics, l),
    slots: names.options("availability", p.slots, l),
    forms: names.options("meeting_form", p.forms, l),
    group: names.options("pref_groups", p.group, l),
  };
  return t(l, r.key, params);
}

/** The top reasons in plain words, e.g. "same industry: IT · both in Aarhus · both speak Arabic". */
export function reasonsText(reasons: Reason[], l: Locale, max = 4): string {
  return reasons
    .filter((r) => r.points > 0)
    .slice(0, max)
    .map((r) => reasonText(r, l))
    .join(" · ");
}

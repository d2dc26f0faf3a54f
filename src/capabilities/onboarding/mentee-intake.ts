// The mentee's intake interview (seeds 000–004): consent per purpose first, then background,
// industry (the strongest matching factor), goals, needs, languages, municipality, availability,
// wishes, digital comfort (seed 001's screening), caseworker (seeds 003/004) and a 1–5 self-assessment.
import { z } from "zod";
import { nameSchema } from "../../lib/text/names.js";
import type { FlowDef } from "../../core/flows/types.js";

const text = (max: number) => z.string().min(1).max(max);
// A name: one check for every place a name enters (invisible names refused, marks capped).
const name = nameSchema;
const list = (min: number, max: number) => z.array(z.string()).min(min).max(max);
const scale = z.number().int().min(1).max(5);

export const HELP_OPTIONS = ["cv", "interview", "network", "workplace_culture", "motivation", "language_practice", "education_choice", "practical"] as const;
export const AVAILABILITY_OPTIONS = ["weekday_day", "weekday_evening", "weekend"] as const;
export const MEETING_OPTIONS = ["in_person", "video", "chat"] as const;
export const SITUATIONS = ["new_graduate", "refugee_immigrant", "long_term_unemployed", "sick_leave", "young_no_education", "other"] as const;

export const menteeIntake: FlowDef = {
  id: "mentee_intake",
  version: 1,
  title: "flow.mentee_intake",
  summary: true,
  steps: [
    {
      id: "consent_matching",
      prompt: "mentee.consent",
      kind: "consent",
      consent: { purpose: "matching", required: true, declined: "mentee.consent_declined" },
      next: "consent_share",
    },
    {
      id: "consent_share",
      prompt: "mentee.consent_share",
      kind: "consent",
      consent: { purpose: "share_contact", required: false, declined: "" },
      next: "consent_stats",
    },
    { id: "consent_stats", prompt: "mentee.consent_stats", kind: "consent", consent: { purpose: "statistics", required: false, declined: "" }, next: "name" },
    { id: "name", prompt: "mentee.name", kind: "text", schema: name, reprompt: "common.name_reprompt", next: "situation" },
    { id: "situation", prompt: "mentee.situation", kind: "single", options: SITUATIONS, next: "education_level" },
    {
      id: "education_level",
      prompt: "mentee.education_level",
      kind: "single",
      options: ["primary", "upper_secondary", "vocational", "short_higher", "bachelor", "master", "foreign"],
      skippable: true,
      next: "education_field",
    },
    { id: "education_field", prompt: "mentee.education_field", kind: "text", schema: text(200), skippable: true, next: "experience" },
    { id: "experience", prompt: "mentee.experience", kind: "text", schema: text(500), skippable: true, next: "industries" },
    { id: "industries", prompt: "mentee.industries", kind: "industries", schema: list(1, 3), reprompt: "mentee.industries_reprompt", next: "goals" },
    { id: "goals", prompt: "mentee.goals", kind: "multi", options: ["job", "education", "internship", "clarification"], schema: list(1, 4), next: "help" },
    { id: "help", prompt: "mentee.help", kind: "multi", options: HELP_OPTIONS, schema: list(1, 8), next: "languages" },
    { id: "languages", prompt: "mentee.languages", kind: "languages", schema: list(1, 10), reprompt: "mentee.languages_reprompt", next: "municipality" },
    { id: "municipality", prompt: "mentee.municipality", kind: "municipality", reprompt: "mentee.municipality_reprompt", next: "availability" },
    { id: "availability", prompt: "mentee.availability", kind: "multi", options: AVAILABILITY_OPTIONS, schema: list(1, 3), next: "start_date" },
    { id: "start_date", prompt: "mentee.start_date", kind: "date", reprompt: "mentee.start_date_reprompt", skippable: true, next: "meeting_form" },
    { id: "meeting_form", prompt: "mentee.meeting_form", kind: "multi", options: MEETING_OPTIONS, schema: list(1, 3), next: "wish_gender" },
    { id: "wish_gender", prompt: "mentee.wish_gender", kind: "single", options: ["none", "woman", "man"], skippable: true, next: "wish_age" },
    { id: "wish_age", prompt: "mentee.wish_age", kind: "single", options: ["none", "under_35", "35_55", "over_55"], skippable: true, next: "digital" },
    { id: "digital", prompt: "mentee.digital", kind: "single", options: ["confident", "some_help", "need_help"], next: "has_caseworker" },
    {
      id: "has_caseworker",
      prompt: "mentee.has_caseworker",
      kind: "yesno",
      skippable: true,
      next: (a) => (a.has_caseworker === true ? "caseworker" : "self_confidence"),
    },
    { id: "caseworker", prompt: "mentee.caseworker", kind: "text", schema: text(200), skippable: true, next: "self_confidence" },
    { id: "self_confidence", prompt: "mentee.self_confidence", kind: "scale", schema: scale, next: "self_clarity" },
    { id: "self_clarity", prompt: "mentee.self_clarity", kind: "scale", schema: scale, next: "self_network" },
    { id: "self_network", prompt: "mentee.self_network", kind: "scale", schema: scale, next: "$end" },
  ],
};

// Mentor onboarding. Seed 001: the mentor's tasks and qualifications must be documented, so we ask
// for them; a mentor becomes active only after a coordinator approves or with a valid invitation code.
import { z } from "zod";
import { AVAILABILITY_OPTIONS, HELP_OPTIONS, MEETING_OPTIONS } from "./mentee-intake.js";
import { nameSchema } from "../../lib/text/names.js";
import type { FlowDef } from "../../core/flows/types.js";

const text = (max: number) => z.string().min(1).max(max);
// A name: one check for every place a name enters (invisible names refused, marks capped).
const name = nameSchema;
const list = (min: number, max: number) => z.array(z.string()).min(min).max(max);

export const TARGET_GROUPS = ["new_graduate", "refugee_immigrant", "long_term_unemployed", "sick_leave", "young_no_education"] as const;

export const mentorOnboarding: FlowDef = {
  id: "mentor_onboarding",
  version: 1,
  title: "flow.mentor_onboarding",
  summary: true,
  steps: [
    {
      id: "consent_mentor",
      prompt: "mentor.consent",
      kind: "consent",
      consent: { purpose: "matching", required: true, declined: "mentor.consent_declined" },
      next: "name",
    },
    { id: "name", prompt: "mentor.name", kind: "text", schema: name, reprompt: "common.name_reprompt", next: "industry" },
    { id: "industry", prompt: "mentor.industry", kind: "industries", schema: list(1, 1), reprompt: "mentee.industries_reprompt", next: "role" },
    { id: "role", prompt: "mentor.role", kind: "text", schema: text(120), next: "competences" },
    { id: "competences", prompt: "mentor.competences", kind: "multi", options: HELP_OPTIONS, optionSet: "help", schema: list(1, 8), next: "qualifications" },
    { id: "qualifications", prompt: "mentor.qualifications", kind: "text", schema: text(500), next: "languages" },
    { id: "languages", prompt: "mentor.languages", kind: "languages", schema: list(1, 10), reprompt: "mentee.languages_reprompt", next: "municipality" },
    { id: "municipality", prompt: "mentor.municipality", kind: "municipality", reprompt: "mentee.municipality_reprompt", next: "capacity" },
    { id: "capacity", prompt: "mentor.capacity", kind: "number", schema: z.number().int().min(1).max(3), reprompt: "mentor.capacity_reprompt", next: "hours" },
    { id: "hours", prompt: "mentor.hours", kind: "number", schema: z.number().min(1).max(20), reprompt: "mentor.hours_reprompt", next: "availability" },
    { id: "availability", prompt: "mentor.availability", kind: "multi", options: AVAILABILITY_OPTIONS, schema: list(1, 3), next: "meeting_form" },
    { id: "meeting_form", prompt: "mentor.meeting_form", kind: "multi", options: MEETING_OPTIONS, schema: list(1, 3), next: "pref_groups" },
    { id: "pref_groups", prompt: "mentor.pref_groups", kind: "multi", options: TARGET_GROUPS, schema: list(1, 5), skippable: true, next: "gender" },
    { id: "gender", prompt: "mentor.gender", kind: "single", options: ["woman", "man", "other"], optionSet: "gender", skippable: true, next: "age_group" },
    {
      id: "age_group",
      prompt: "mentor.age_group",
      kind: "single",
      options: ["under_35", "35_55", "over_55"],
      optionSet: "wish_age",
      skippable: true,
      next: "invite_code",
    },
    { id: "invite_code", prompt: "mentor.invite_code", kind: "text", schema: text(60), skippable: true, next: "$end" },
  ],
};

export const coordinatorSignup: FlowDef = {
  id: "coordinator_signup",
  version: 1,
  title: "flow.coordinator_signup",
  summary: false,
  steps: [
    { id: "name", prompt: "mentor.name", kind: "text", schema: name, reprompt: "common.name_reprompt", next: "code" },
    { id: "code", prompt: "coordinator.code", kind: "text", schema: text(100), next: "$end" },
  ],
};

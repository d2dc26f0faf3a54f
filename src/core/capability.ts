// A capability (onboarding, matching, check-ins, escalations, coordinator tools) is a bundle of
// sign-ups, handlers, periodic jobs and hooks, built from shared dependencies. createApp merges them.
import type { Clock } from "./clock.js";
import type { Db } from "../infra/db/database.js";
import type { Tx } from "../infra/db/tx.js";
import type { ActionHandler, IntentHandler, PreCheckResult, TaskHandler, TextCommand } from "./conversation/handlers.js";
export { NO_PRE_CHECK, type PreCheckResult } from "./conversation/handlers.js";
import type { Logger } from "../infra/logger.js";
import type { InboundEvent } from "./messages.js";
import type { Locale, Texts } from "./i18n/index.js";
import type { Signup } from "./conversation/signup.js";
import type { Eraser, ErasureStep } from "../infra/people/erase.js";

export interface CapabilityDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  settings: AppSettings;
  /** Erases a person with every capability's onErase first (retention, merged accounts, coordinators). */
  erase: Eraser;
}

/** Settings capabilities read (from configuration in production, from tests directly). */
export interface AppSettings {
  /** Coordinators' alert channel target such as "slack:T1:C9"; unset = direct messages. */
  alertTarget?: string;
  /** Help lines for safety replies. */
  helplines: { name: string; number: string }[];
  timezone: string;
  /** Months after a person's last mentorship ended before their data is erased (default 24). */
  retentionMonths?: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  helplines: [
    { name: "Livslinien", number: "70 201 201" },
    { name: "Alarm", number: "112" },
  ],
  timezone: "Europe/Copenhagen",
};

export interface Capability {
  name: string;
  /** The capability's catalogue part (Danish and English); createApp adds it to the lookup. */
  texts?: Texts;
  actions?: ActionHandler[];
  commands?: TextCommand[];
  tasks?: TaskHandler[];
  /** Acts on what people write in their own words (status, a meeting, a holiday …). */
  intents?: IntentHandler[];
  /** Is a question of this capability waiting for the person's typed answer (an open check-in)? */
  openQuestion?: (tx: Tx, personId: string, now: Date) => Promise<boolean>;
  /** Runs on every scheduler tick with the clock's time; must be idempotent. */
  jobs?: ((now: Date) => Promise<void>)[];
  /**
   * Runs first on every inbound message, before any other processing (the safety check). Its
   * replies are the whole turn: nothing else is said, and a flow's open question comes back gently
   * with the next message — unless `resume` is set (the person answered "I am safe"), then the open
   * question comes back right after them. Must be idempotent per event.
   */
  preCheck?: (event: InboundEvent, person: { id: string; locale: Locale }) => Promise<PreCheckResult>;
  /** Roles people can sign up for, each a flow and what finishing it means; offered in list order. */
  signups?: Signup[];
  /** Ends what a person is part of before they are erased, while the rows still name them. */
  onErase?: ErasureStep;
  /** Runs after a person's message was committed. */
  afterCommit?: (personId: string) => Promise<void>;
}

export type CapabilityFactory = (deps: CapabilityDeps) => Capability;

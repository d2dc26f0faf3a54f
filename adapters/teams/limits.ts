// What Microsoft Teams refuses or hides, in one place. The adapter keeps under these numbers and the
// fake Bot Connector (test/fakes/fake-teams.ts) refuses anything above them: 413 MessageSizeTooBig
// for size, 400 for a card the Adaptive Cards SDK finds invalid against the Teams host config.

/** Adaptive Card schema version: "Teams is also limited to version 1.5" (learn.microsoft.com,
 * Copilot Studio "Adaptive Cards overview"; Teams "Work with Universal Actions": 1.5 is what Teams
 * renders). A card declaring a higher version shows Teams' fallback text, not the card. */
export const CARD_VERSION = "1.5";

/** Actions shown on a card: `actions.maxActions` = 6 in the Teams host config (the Adaptive Cards
 * designer's Microsoft Teams host containers, light and dark). Teams drops the 7th and later from
 * view, so more choices go in an Input.ChoiceSet. */
export const MAX_ACTIONS = 6;

/** Bot message size: "The bot message size limit is 100 KB", counted as UTF-16, text, card and
 * mentions together; over it Teams answers 413 (RequestEntityTooLarge) with code MessageSizeTooBig;
 * "it's recommended to ensure that the size of the message itself is within 80 KB" (Teams docs,
 * "Format your bot messages"). The adapter keeps to the 80 KB. */
export const MESSAGE_BYTES_MAX = 100 * 1024;
export const MESSAGE_BYTES_BUDGET = 80 * 1024;

/** Size of an activity as Teams counts it: its JSON as UTF-16 (2 bytes per code unit). */
export const utf16Bytes = (value: unknown): number => JSON.stringify(value).length * 2;

/** Input validation (Adaptive Cards 1.3+, "Input validation"): a required input needs a `label` and
 * an `errorMessage`, or the SDK's validation fails (RequiredInputsShouldHaveLabel/…ErrorMessage). */
export const REQUIRED_INPUT_NEEDS = ["label", "errorMessage"] as const;

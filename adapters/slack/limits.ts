// What Slack's Web API refuses, in one place. The adapter keeps under these numbers and the fake
// Slack (test/fakes/fake-slack.ts) refuses anything above them with Slack's own error
// (`invalid_blocks` for messages, `invalid_arguments` for views).
// Source: Slack's Block Kit reference, https://docs.slack.dev/reference/block-kit/ (page per line).

/** Blocks per message: 50; per modal or Home tab: 100 (blocks/ overview, "blocks" field of messages and views). */
export const MESSAGE_BLOCKS_MAX = 50;
export const MODAL_BLOCKS_MAX = 100;
/** Section block `text`: 1–3000 characters (blocks/section-block; composition-objects/text-object). */
export const SECTION_TEXT_MAX = 3000;
/** Header block `text`: 150 characters (blocks/header-block). The adapter sends no headers. */
export const HEADER_TEXT_MAX = 150;
/** Context block: 10 elements (blocks/context-block). */
export const CONTEXT_ELEMENTS_MAX = 10;
/** Actions block: 25 elements (blocks/actions-block). */
export const ACTIONS_ELEMENTS_MAX = 25;
/** Button `text` 75, `value` 2000, `action_id` 255 characters, unique within its block (block-elements/button-element). */
export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2000;
export const ACTION_ID_MAX = 255;
/** static_select: 100 options; option `text` 75 characters (block-elements/select-menu-element; composition-objects/option-object). */
export const SELECT_OPTIONS_MAX = 100;
export const OPTION_TEXT_MAX = 75;
/** Modal `title`, `submit`, `close`: 24 characters; `private_metadata` 3000; `callback_id` 255 (surfaces/modals, view object). */
export const MODAL_TITLE_MAX = 24;
export const PRIVATE_METADATA_MAX = 3000;
export const CALLBACK_ID_MAX = 255;
/** Input block `label`: 2000 characters (blocks/input-block). */
export const INPUT_LABEL_MAX = 2000;
/** Top-level `text` of chat.postMessage: Slack truncates beyond 40,000 characters (methods/chat.postMessage). */
export const MESSAGE_TEXT_MAX = 40_000;
/**
 * Not documented: chat.postMessage answers `msg_blocks_too_long` somewhere above ~12,000 characters
 * of block text in one message (slackapi/bolt-js issues 2509, 2867; a Slack engineer there: "12,000
 * text characters with a buffer for block containers"). The adapter keeps each message under this.
 */
export const MESSAGE_BLOCK_TEXT_BUDGET = 12_000;

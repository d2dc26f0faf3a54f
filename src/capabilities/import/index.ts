// The import capability's public surface: all that the rest of Mentorbro may use of it.
export { IMPORT_FORM_ID, importCommand, importTask, runImport } from "./command.js";
export { inviteTask, makeJoinCommand } from "./join.js";
export { importDa } from "./texts-da.js";
export { importEn } from "./texts-en.js";

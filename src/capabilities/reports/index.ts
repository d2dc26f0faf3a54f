// The reports capability's public surface: all that the rest of Mentorbro may use of it.
export { reportCommand } from "./command.js";
export { OUTCOME_CATEGORIES, computeReport } from "./compute.js";
export { seedDemoHistory } from "./demo-history.js";
export { matchHours } from "./hours.js";
export { danishMidnight, parsePeriod } from "./period.js";
export { formatNumber, reportChart, reportCsv, reportText } from "./render.js";
export { reportsDa } from "./texts-da.js";
export { reportsEn } from "./texts-en.js";

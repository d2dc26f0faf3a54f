// Every test file sees the whole catalogue, as production does once createApp has added each
// capability's texts: tests may look texts up at module level, before they start a bot.
import { loadAllTexts } from "./helpers/texts.js";

loadAllTexts();

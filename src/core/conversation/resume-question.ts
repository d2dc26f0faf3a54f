// After a safety exchange that ended well ("I am safe"), the conversation goes on where it was: in
// a flow its open question comes back right away. Anywhere else nothing is added — no greeting or
// menu glued to a thank-you after a heavy moment; the person's next message is handled as usual.
import { currentQuestion, migrateState } from "../flows/engine.js";
import type { Reply } from "../flows/types.js";
import type { Locale } from "../i18n/index.js";
import type { ConvoData } from "./router.js";
import type { Signups } from "./signup.js";

export function resumeQuestion(convo: ConvoData, signups: Signups, locale: Locale): { convo: ConvoData; replies: Reply[] } {
  const rest: ConvoData = { ...convo };
  delete rest.afterSafety;
  if (convo.mode !== "flow" || !convo.flow) return { convo: rest, replies: [] };
  const flow = signups.flow(convo.flow.flowId);
  // A flow changed since the question was asked is asked from where its answers now lead.
  const { state } = migrateState(flow, convo.flow);
  return { convo: { ...rest, flow: state }, replies: [currentQuestion(flow, state, locale)] };
}

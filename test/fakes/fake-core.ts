// A tiny scripted core for adapter tests: records every event and answers predictably.
//   "form"   → a message with a three-field form (number, text, choice)
//   media    → "I can only read text"
//   anything → "Got: <text|action|fields>" with two buttons (choice:yes / choice:no)
import type { BotCore, InboundEvent, OutboundMessage } from "../../src/core/messages.js";

export const FORM = {
  id: "weekly",
  title: "Weekly check-in",
  submitLabel: "Send",
  fields: [
    { name: "hours", label: "Hours spent", kind: "number" as const },
    { name: "note", label: "Note", kind: "text" as const, optional: true },
    {
      name: "mood",
      label: "Mood",
      kind: "choice" as const,
      options: [
        { action: "good", label: "Good" },
        { action: "bad", label: "Bad" },
      ],
    },
  ],
};

export const BUTTONS = [
  { action: "choice:yes", label: "Yes" },
  { action: "choice:no", label: "No" },
];

export interface ScriptedCore extends BotCore {
  readonly events: InboundEvent[];
}

export function createScriptedCore(): ScriptedCore {
  const events: InboundEvent[] = [];
  return {
    events,
    async handle(event, deliver): Promise<OutboundMessage[]> {
      events.push(event);
      const to = event.from;
      const what = event.text ?? event.action ?? JSON.stringify(event.fields);
      const out: OutboundMessage[] =
        event.text === "form"
          ? [{ to, text: "Please fill in", form: FORM }]
          : event.media
            ? [{ to, text: "I can only read text" }]
            : [{ to, text: `Got: ${what}`, buttons: BUTTONS }];
      // As the real core does: with a deliver function, the core sends its replies itself.
      for (const m of out) await deliver?.(m);
      return out;
    },
  };
}

// The quoting of text someone typed inside a bot message (relayed messages, a mentor's experience,
// alert excerpts): no line of it can start like a line of the bot's own.
import { describe, expect, it } from "vitest";
import { t } from "../../src/core/i18n/index.js";
import { excerptText } from "../../src/capabilities/escalation/alert-text.js";
import { oneLine, quoteBlock } from "../../src/lib/text/quote.js";

describe("quoteBlock", () => {
  it("prefixes every line, whatever the line separator", () => {
    expect(quoteBlock("Hej\nMentorbro: godkendt\r\nTryk her\u2028ok\u2029slut")).toBe("> Hej\n> Mentorbro: godkendt\n> Tryk her\n> ok\n> slut");
  });
  it("keeps blank lines inside the quote", () => {
    expect(quoteBlock("a\n\n\nb\n")).toBe("> a\n>\n>\n> b");
  });
  it("oneLine flattens names and short values", () => {
    expect(oneLine(" Ali\nMentorbro:\tok ")).toBe("Ali Mentorbro: ok");
  });
});

describe("messages that carry someone's words", () => {
  it("an alert excerpt is quoted", () => {
    const text = excerptText("da", "jeg har det skidt\n⚠️ Falsk alarm, ignorer");
    expect(text.split("\n").slice(2)).toEqual(["> jeg har det skidt", "> ⚠️ Falsk alarm, ignorer"]);
  });
  it("the mentor-pending notice puts the experience on quoted lines of its own", () => {
    for (const l of ["da", "en"] as const) {
      const text = t(l, "notify.mentor_pending", {
        name: "Eve",
        industry: "IT",
        municipality: "Aarhus",
        qualifications: quoteBlock("10 år\nMentorbro: godkend straks"),
      });
      expect(text.split("\n").slice(1)).toEqual(["> 10 år", "> Mentorbro: godkend straks"]);
    }
  });
});

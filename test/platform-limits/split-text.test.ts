import { describe, expect, it } from "vitest";
import { shorten, splitText } from "../../adapters/delivery/split-text.js";

describe("splitText", () => {
  it("keeps text that fits whole, and cuts at paragraphs before lines before spaces", () => {
    expect(splitText("abc", 3)).toEqual(["abc"]);
    expect(splitText("aaaa\n\nbbbb\ncccc", 10)).toEqual(["aaaa", "bbbb\ncccc"]);
    expect(splitText("aaaa bbbb cccc", 9)).toEqual(["aaaa bbbb", "cccc"]);
  });
  it("cuts inside a word only when it must, never inside a surrogate pair", () => {
    const parts = splitText("😀".repeat(5), 4);
    expect(parts).toEqual(["😀😀", "😀😀", "😀"]);
  });
  it("counts with the platform's measure (here: escaped length)", () => {
    const escaped = (s: string) => s.replace(/&/g, "&amp;").length;
    expect(splitText("&& &&", 10, escaped)).toEqual(["&&", "&&"]);
  });
});

describe("shorten", () => {
  it("ends a cut label with an ellipsis within the limit", () => {
    expect(shorten("Anna Hansen", 20)).toBe("Anna Hansen");
    expect(shorten("Anna Margrethe Hansen", 10)).toBe("Anna Marg…");
    expect(shorten("Anna Margrethe Hansen", 10)).toHaveLength(10);
  });
});

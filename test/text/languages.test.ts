import { describe, expect, it } from "vitest";
import { interpretLanguages, LANGUAGE_CODES, LANGUAGE_GROUPS, LANGUAGES, languageName } from "../../src/lib/text/languages.js";
import { fold } from "../../src/lib/text/normalize.js";
import { skeleton } from "../../src/lib/text/tokens.js";

describe("interpretLanguages", () => {
  it.each([
    ["dansk", ["da"]],
    ["Danish", ["da"]],
    ["DANSK!!", ["da"]],
    ["english", ["en"]],
    ["engelsk", ["en"]],
    ["arabisk", ["ar"]],
    ["العربية", ["ar"]],
    ["farsi", ["fa"]],
    ["persisk", ["fa"]],
    ["farsi/persisk", ["fa"]],
    ["dari", ["prs"]],
    ["pashto", ["ps"]],
    ["somali", ["so"]],
    ["tigrinya", ["ti"]],
    ["tyrkisk", ["tr"]],
    ["türkçe", ["tr"]],
    ["ukrainsk", ["uk"]],
    ["українська", ["uk"]],
    ["polsk", ["pl"]],
    ["rumænsk", ["ro"]],
    ["rumaensk", ["ro"]],
    ["rumansk", ["ro"]],
    ["kurdisk", ["ku"]],
    ["sorani", ["ckb"]],
    ["kurmanji", ["kmr"]],
    ["urdu", ["ur"]],
    ["spansk", ["es"]],
    ["Español", ["es"]],
    ["fransk", ["fr"]],
    ["tysk", ["de"]],
    ["Deutsch", ["de"]],
    ["russisk", ["ru"]],
    ["vietnamesisk", ["vi"]],
    ["thai", ["th"]],
    ["tagalog", ["tl"]],
    ["hindi", ["hi"]],
    ["हिन्दी", ["hi"]],
    ["grønlandsk", ["kl"]],
    ["bosnisk/serbisk/kroatisk", ["bs", "sr", "hr"]],
    ["serbokroatisk", ["bs", "sr", "hr"]],
    ["dansk, engelsk og lidt arabisk", ["da", "en", "ar"]],
    ["Danish (native), English (fluent)", ["da", "en"]],
    ["I speak English and a bit of German", ["en", "de"]],
    ["jeg taler kun dansk 🇩🇰", ["da"]],
    ["Dansk B2, engelsk C1", ["da", "en"]],
    ["dansk\nengelsk\ndansk", ["da", "en"]],
    ["English, Español, Français", ["en", "es", "fr"]],
    ["Pashto & Dari", ["ps", "prs"]],
    ["engelks", ["en"]],
    ["vietnamisisk", ["vi"]],
    ["sommali", ["so"]],
  ])("%j → %j", (text, codes) => {
    expect(interpretLanguages(text)).toEqual({ codes, unknown: [] });
  });

  it.each([
    ["", [], []],
    ["that", [], []],
    ["klingon og dansk", ["da"], ["klingon"]],
    ["dansk, elvisk", ["da"], ["elvisk"]],
    ["xyz", [], ["xyz"]],
  ])("%j → %j, unknown %j", (text, codes, unknown) => {
    expect(interpretLanguages(text)).toEqual({ codes, unknown });
  });

  it("returns quickly on 5,000 characters", () => {
    const started = performance.now();
    const result = interpretLanguages("dansk engelks qqqqq ".repeat(250));
    interpretLanguages("ا".repeat(5000));
    expect(result.codes).toEqual(["da", "en"]);
    expect(performance.now() - started).toBeLessThan(300);
  });
});

describe("language data", () => {
  it("has about forty languages with unique, well-formed codes", () => {
    expect(LANGUAGE_CODES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    for (const code of LANGUAGE_CODES) expect(code).toMatch(/^[a-z]{2,3}$/);
    for (const g of LANGUAGE_GROUPS) for (const code of g.codes) expect(LANGUAGE_CODES).toContain(code);
  });

  it("never gives one name to two languages", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const l of LANGUAGES) {
      for (const name of [l.da, l.en, ...l.names]) {
        const key = skeleton(fold(name));
        const prev = owner.get(key);
        if (prev && prev !== l.code) clashes.push(`${name}: ${prev}/${l.code}`);
        owner.set(key, l.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ["da", "da", "dansk"],
    ["da", "en", "Danish"],
    ["prs", "en", "Dari"],
    ["ar", "da", "arabisk"],
    ["xx", "en", "xx"],
  ] as const)("languageName(%s, %s) = %s", (code, locale, name) => {
    expect(languageName(code, locale)).toBe(name);
  });
});

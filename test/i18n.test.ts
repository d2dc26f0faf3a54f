import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SIGNUPS } from "../src/capabilities/onboarding/index.js";
import { addTexts, CATALOGUES, LOCALES, placeholders, t } from "../src/core/i18n/index.js";
import { loadAllTexts } from "./helpers/texts.js";

// The merged catalogue: the core's texts plus every capability's, as createApp builds it.
loadAllTexts();

describe("catalogues", () => {
  const keys = new Set(LOCALES.flatMap((l) => Object.keys(CATALOGUES[l])));
  it.each(LOCALES)("%s has every key with the same placeholders as the others", (locale) => {
    for (const key of keys) {
      expect(CATALOGUES[locale][key], `${locale} misses ${key}`).toBeDefined();
      for (const other of LOCALES) {
        expect(placeholders(CATALOGUES[locale][key]!), `${key} ${locale} vs ${other}`).toEqual(placeholders(CATALOGUES[other][key] ?? ""));
      }
    }
  });
  it("every key a flow uses exists", () => {
    for (const { flow } of SIGNUPS) {
      for (const step of flow.steps) {
        const used = [step.prompt, step.reprompt, step.consent?.declined, step.kind === "consent" ? undefined : `field.${step.id}`].filter(
          (k): k is string => !!k,
        );
        for (const id of step.options ?? []) used.push(`opt.${step.optionSet ?? step.id}.${id}`);
        for (const key of used) expect(keys.has(key), `${flow.id}.${step.id}: ${key}`).toBe(true);
      }
    }
  });
  it("every literal key in the sources exists", () => {
    const src = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? (d.name === "generated" ? [] : src(join(dir, d.name))) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
      );
    const missing: string[] = [];
    for (const file of src("src")) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\([^,]+,\s*"([a-z_]+\.[a-z_.0-9]+)"/g)) if (!keys.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
  it("a key defined twice with different texts is refused", () => {
    addTexts({ da: { "test.twice": "en" }, en: { "test.twice": "one" } });
    expect(() => addTexts({ da: { "test.twice": "to" }, en: { "test.twice": "two" } })).toThrow(/twice/);
  });
  it("fills placeholders", () => {
    expect(t("en", "mentee.done", { name: "Ali" })).toContain("Ali");
    expect(t("da", "common.too_long", { max: 500 })).toContain("500");
  });
});

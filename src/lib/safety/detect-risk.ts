// Risk-language detection for every free-text message (intake answers, check-in notes, relayed
// messages). Both languages are always checked: mentees mix Danish and English in one message.
// Pure and synchronous; rules are compiled once at module load.
import { compile, findHits, MatchContext, type CompiledSet } from "./matcher.js";
import { Vocabulary } from "./vocabulary.js";
import { RULES_DA } from "./rules-da.js";
import { RULES_EN } from "./rules-en.js";
import type { RiskCategory, RiskFinding, RiskLanguage, RiskRule, RuleSet } from "./rule-types.js";
import { tokenize, type Token } from "./tokens.js";

export type { RiskCategory, RiskFinding, RiskGrade, RiskLanguage, RiskTopic, Severity } from "./rule-types.js";

interface Engine {
  language: RiskLanguage;
  masks: CompiledSet<null>;
  rules: CompiledSet<RiskRule>;
}

// One vocabulary for both languages: each distinct word of a message is analysed once.
const VOCAB = new Vocabulary();

function build(set: RuleSet, vocab: Vocabulary): Engine {
  const masks = compile(
    set.masks.map((pattern) => ({ pattern, payload: null })),
    vocab,
  );
  const rules = compile(
    set.rules.flatMap((rule) => rule.patterns.map((pattern) => ({ pattern, payload: rule }))),
    vocab,
  );
  return { language: set.language, masks, rules };
}

const ENGINES: Engine[] = [build(RULES_DA, VOCAB), build(RULES_EN, VOCAB)];

// When several rules fire, the most dangerous wins; ties go to the category needing the most
// urgent response, then to the earliest hit.
const PRIORITY: Record<RiskCategory, number> = {
  suicide: 0,
  threat: 1,
  self_harm: 2,
  abuse: 3,
  psychiatric: 4,
  substance: 5,
  acute_crisis: 6,
};

export interface RiskHit {
  rule: RiskRule;
  language: RiskLanguage;
  /** Span of the hit in the original text. */
  start: number;
  end: number;
}

/** Every rule hit in the message, for debugging and the evaluation bench. */
export function findRiskHits(text: string): RiskHit[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const hits: RiskHit[] = [];
  let infos: MatchContext["infos"] | undefined;
  for (const { language, masks, rules } of ENGINES) {
    // Each language masks its own idioms, but the word analysis is shared.
    const ctx = new MatchContext(tokens, VOCAB, infos);
    infos = ctx.infos;
    for (const mask of findHits(ctx, masks)) {
      for (let i = mask.start; i < mask.end; i++) ctx.masked[i] = true;
    }
    for (const hit of findHits(ctx, rules)) {
      hits.push({ rule: hit.payload, language, ...span(tokens, hit.start, hit.end) });
    }
  }
  return hits;
}

function span(tokens: Token[], from: number, to: number): { start: number; end: number } {
  return { start: tokens[from]!.start, end: tokens[Math.max(from, to - 1)]!.end };
}

function rank(hit: RiskHit): [number, number, number] {
  return [hit.rule.severity === "high" ? 0 : 1, PRIORITY[hit.rule.category], hit.start];
}

function better(a: RiskHit, b: RiskHit): boolean {
  const ra = rank(a);
  const rb = rank(b);
  for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k]! < rb[k]!;
  return false;
}

export const EXCERPT_MAX = 120;

/** Up to EXCERPT_MAX characters of the original text, centred on the hit. */
export function excerptAround(text: string, start: number, end: number): string {
  const room = Math.max(0, EXCERPT_MAX - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(text.length, from + EXCERPT_MAX);
  from = Math.max(0, to - EXCERPT_MAX);
  return text
    .slice(from, to)
    .replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, "") // don't leave half an emoji at the edges
    .replace(/\s+/g, " ")
    .trim();
}

export function detectRisk(text: string): RiskFinding | undefined {
  let best: RiskHit | undefined;
  for (const hit of findRiskHits(text)) if (!best || better(hit, best)) best = hit;
  if (!best) return undefined;
  return {
    category: best.rule.category,
    severity: best.rule.severity,
    // Until each rule names its grade and topic: high severity is a clear risk.
    grade: best.rule.severity === "high" ? "clear" : "possible",
    topic: "other",
    language: best.language,
    excerpt: excerptAround(text, best.start, best.end),
  };
}

// A small softmax (multinomial logistic regression) text classifier, trained at start-up on our own
// labelled utterances: no model file, nothing from a network. Features are folded words, word pairs
// and character 4-grams inside words, so misspellings and missing æøå still share most features.
import { fold } from "../text/normalize.js";

export interface Example {
  text: string;
  label: string;
}

export interface Prediction {
  label: string;
  p: number;
  /** The runner-up, to tell a clear answer from a close call. */
  second: { label: string; p: number };
  /** Every label, likeliest first. */
  ranked: { label: string; p: number }[];
}

const NGRAMS = [4];

function loose(w: string): string {
  return w
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/aa/g, "a")
    .replace(/(.)\1+/g, "$1");
}

export function features(text: string): string[] {
  const words = fold(text).split(" ").filter(Boolean).slice(0, 60);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push(`w:${w}`);
    if (i > 0) out.push(`b:${words[i - 1]} ${w}`);
    // The same word however æøå and double letters were typed: "hvornår", "hvornaar", "hvornar".
    const k = loose(w);
    out.push(`s:${k}`);
    const padded = `<${k}>`;
    for (const n of NGRAMS) {
      if (padded.length > n) for (let j = 0; j + n <= padded.length; j++) out.push(`c${n}:${padded.slice(j, j + n)}`);
      else out.push(`c${n}:${padded}`);
    }
  }
  if (words.length <= 2) out.push(`len:${words.length}`);
  return out;
}

export interface Classifier {
  labels: readonly string[];
  predict(text: string): Prediction;
}

/** Deterministic: a fixed shuffle, a fixed number of epochs, L2 regularisation. */
export function trainClassifier(examples: readonly Example[], opts: { epochs?: number; rate?: number; l2?: number } = {}): Classifier {
  const epochs = opts.epochs ?? 30;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 1e-4;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map<string, number>();
  const rows = examples.map((e) => ({
    y: labels.indexOf(e.label),
    x: [...new Set(features(e.text))].map((f) => index.get(f) ?? (index.set(f, index.size), index.size - 1)),
  }));
  const k = labels.length;
  const weights = new Float64Array(index.size * k);
  const bias = new Float64Array(k);
  const order = rows.map((_, i) => i);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = rate / (1 + epoch * 0.2);
    for (const r of order) {
      const { x, y } = rows[r]!;
      softmax(x, weights, bias, k, scores);
      const norm = 1 / Math.sqrt(x.length || 1);
      for (let c = 0; c < k; c++) {
        const g = scores[c]! - (c === y ? 1 : 0);
        bias[c]! -= lr * g;
        for (const f of x) {
          const at = f * k + c;
          weights[at] = weights[at]! * (1 - lr * l2) - lr * g * norm;
        }
      }
    }
  }
  return {
    labels,
    predict(text) {
      const x = [...new Set(features(text))].map((f) => index.get(f)).filter((f): f is number => f !== undefined);
      const p = new Float64Array(k);
      softmax(x, weights, bias, k, p);
      const ranked = [...p].map((v, c) => ({ label: labels[c]!, p: v })).sort((a, b) => b.p - a.p);
      return { label: ranked[0]!.label, p: ranked[0]!.p, second: ranked[1] ?? { label: "", p: 0 }, ranked };
    },
  };
}

function softmax(x: readonly number[], w: Float64Array, b: Float64Array, k: number, out: Float64Array): void {
  const norm = 1 / Math.sqrt(x.length || 1);
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = b[c]!;
    for (const f of x) s += w[f * k + c]! * norm;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c]! /= sum;
}

// Bar charts for the programme report: one panel per series (outcomes, contact hours), values
// written above the bars. Suppressed figures (small groups) get an empty bar marked "<5".
import { Canvas, textWidth, type Rgb } from "./bitmap.js";
import { encodePng } from "../../lib/png.js";

export interface Bar {
  label: string;
  /** null: suppressed, drawn as "<5" without a bar. */
  value: number | null;
}

export interface Panel {
  title: string;
  bars: Bar[];
}

export const CHART = { width: 800, height: 420, background: [255, 255, 255] as Rgb, ink: [40, 40, 40] as Rgb, axis: [160, 160, 160] as Rgb };
export const BAR_COLOURS: readonly Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
];

const TOP = 56;
const BOTTOM = 60;
const GAP = 24;

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** Where each bar of each panel is drawn; tests use it to check pixels. */
export function layout(panels: Panel[]): { x: number; width: number; top: number; base: number; value: number | null }[][] {
  const inner = CHART.width - GAP * (panels.length + 1);
  const totalBars = panels.reduce((n, p) => n + Math.max(1, p.bars.length), 0);
  const base = CHART.height - BOTTOM;
  let x = GAP;
  return panels.map((p) => {
    const slot = inner / totalBars;
    const max = Math.max(1, ...p.bars.map((b) => b.value ?? 0));
    const out = p.bars.map((b, i) => {
      const h = b.value === null ? 0 : Math.round(((base - TOP) * b.value) / max);
      return { x: Math.round(x + i * slot + slot * 0.15), width: Math.round(slot * 0.7), top: base - h, base, value: b.value };
    });
    x += slot * Math.max(1, p.bars.length) + GAP;
    return out;
  });
}

export function renderChart(title: string, panels: Panel[], format: (v: number) => string = formatValue): Buffer {
  const c = new Canvas(CHART.width, CHART.height, CHART.background);
  c.text(GAP, 12, title, CHART.ink, 2);
  const boxes = layout(panels);
  panels.forEach((p, pi) => {
    const bars = boxes[pi]!;
    const first = bars[0];
    const last = bars[bars.length - 1];
    if (!first || !last) return;
    c.text(first.x, TOP - 24, p.title, CHART.ink, 1);
    c.fill(first.x - 4, first.base, last.x + last.width - first.x + 8, 1, CHART.axis);
    bars.forEach((b, i) => {
      const label = p.bars[i]!.label;
      c.fill(b.x, b.top, b.width, b.base - b.top, BAR_COLOURS[i % BAR_COLOURS.length]!);
      const v = b.value === null ? "<5" : format(b.value);
      c.text(b.x + (b.width - textWidth(v)) / 2, b.top - 11, v, CHART.ink, 1);
      // Labels wrap onto two lines at a space, then get cut to the bar slot.
      const fit = Math.max(1, Math.floor((b.width + 12) / 6));
      const words = label.split(" ");
      const lines = words.length > 1 && label.length > fit ? [words[0]!, words.slice(1).join(" ")] : [label];
      lines.forEach((line, li) => {
        const cut = line.slice(0, fit);
        c.text(b.x + (b.width - textWidth(cut)) / 2, b.base + 8 + li * 10, cut, CHART.ink, 1);
      });
    });
  });
  return encodePng(c.width, c.height, c.pixels);
}

// The chart is a real PNG: decoded here (chunks, CRCs, inflated pixels), with bars where the
// layout says and in the right colours; suppressed values get no bar.
import { describe, expect, it } from "vitest";
import { BAR_COLOURS, CHART, layout, renderChart, type Panel } from "../../src/capabilities/reports/chart.js";
import { encodePng } from "../../src/lib/png.js";
import { decodePng } from "./png-decode.js";

const panels: Panel[] = [
  {
    title: "Resultater",
    bars: [
      { label: "Job", value: 12 },
      { label: "Uddannelse", value: null },
      { label: "Praktik", value: 6 },
    ],
  },
  {
    title: "Kontakttimer",
    bars: [
      { label: "Planlagt", value: 100 },
      { label: "Begge", value: 40.5 },
    ],
  },
];

describe("PNG chart", () => {
  it("encodes a tiny image that decodes to the same pixels", () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const img = decodePng(encodePng(2, 2, rgb));
    expect([img.width, img.height]).toEqual([2, 2]);
    expect([img.pixel(0, 0), img.pixel(1, 0), img.pixel(0, 1), img.pixel(1, 1)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
    ]);
  });

  it("draws bars of the right height and colour, and none for suppressed values", () => {
    const img = decodePng(renderChart("Rapport 2026", panels));
    expect([img.width, img.height]).toEqual([CHART.width, CHART.height]);
    expect(img.pixel(0, 0)).toEqual([...CHART.background]);
    const boxes = layout(panels);
    const job = boxes[0]![0]!;
    const mid = (b: typeof job) => Math.round(b.x + b.width / 2);
    // Inside the bar, just above the axis and just below its top: the bar colour.
    expect(img.pixel(mid(job), job.base - 2)).toEqual([...BAR_COLOURS[0]!]);
    expect(img.pixel(mid(job), job.top + 2)).toEqual([...BAR_COLOURS[0]!]);
    // Praktik is half of Job: its top is halfway.
    const praktik = boxes[0]![2]!;
    expect(job.base - praktik.top).toBeCloseTo((job.base - job.top) / 2, -1);
    expect(img.pixel(mid(praktik), praktik.base - 2)).toEqual([...BAR_COLOURS[2]!]);
    expect(img.pixel(mid(praktik), job.top + 2)).toEqual([...CHART.background]);
    // Suppressed: no bar above the axis.
    const hidden = boxes[0]![1]!;
    expect(img.pixel(mid(hidden), hidden.base - 5)).toEqual([...CHART.background]);
    // Second panel: planned is the tallest there.
    const planned = boxes[1]![0]!;
    expect(planned.top).toBe(job.top);
    expect(img.pixel(mid(planned), planned.base - 2)).toEqual([...BAR_COLOURS[0]!]);
  });
});

// The report as chat text, as CSV (semicolon-separated UTF-8 with BOM: opens in Danish Excel) and
// as a bar chart, all from the same suppressed rows.
import { t, type Locale } from "../../core/i18n/index.js";
import { OUTCOME_CATEGORIES, type Report } from "./compute.js";
import { renderChart } from "./chart.js";
import { reportRows, type Row, type Section } from "./rows.js";
import type { Shown } from "./suppress.js";

const PERCENT_FIGURES = new Set(["mentor_response", "mentee_response"]);
const SIGNED_FIGURES = new Set(["self_confidence", "self_clarity", "self_network"]);
const SECTIONS: Section[] = ["intake", "matches", "offers", "checkins", "hours", "self", "outcomes", "outcomes_group"];

export function formatNumber(n: number, locale: Locale, signed = false): string {
  const s = new Intl.NumberFormat(locale === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1, useGrouping: false }).format(n);
  return signed && n > 0 ? `+${s}` : s;
}

function shown(v: Shown | undefined, locale: Locale, figure: string): string {
  if (v === null || v === undefined) return "–";
  if (v === "<5") return "<5";
  if (v === "hidden") return t(locale, "rep.hidden");
  const s = formatNumber(v, locale, SIGNED_FIGURES.has(figure));
  return PERCENT_FIGURES.has(figure) ? `${s} %` : s;
}

export function figureLabel(figure: string, locale: Locale): string {
  return t(locale, (OUTCOME_CATEGORIES as readonly string[]).includes(figure) ? `rep.cat.${figure}` : `rep.fig.${figure}`);
}

export function groupLabel(group: string, locale: Locale): string {
  return group === "unknown" ? t(locale, "rep.group_unknown") : t(locale, `opt.situation.${group}`);
}

function line(r: Row, locale: Locale): string {
  const pct =
    r.percent === undefined || r.percent === null
      ? ""
      : ` (${r.percent === "hidden" ? t(locale, "rep.hidden") : `${formatNumber(r.percent as number, locale)} %`})`;
  return `• ${figureLabel(r.figure, locale)}: ${shown(r.value, locale, r.figure)}${pct}`;
}

function block(rows: Row[], locale: Locale): string[] {
  const out: string[] = [];
  for (const section of SECTIONS) {
    const own = rows.filter((r) => r.section === section);
    if (own.length === 0) continue;
    out.push("", t(locale, `rep.section.${section}`));
    if (section !== "outcomes_group") {
      out.push(...own.map((r) => line(r, locale)));
      continue;
    }
    // One line per target group: "Refugee or immigrant (12): job 5 (41.7 %), education <5, …"
    for (const group of [...new Set(own.map((r) => r.group!))]) {
      const g = own.filter((r) => r.group === group);
      const n = g.find((r) => r.figure === "outcomes_n")!;
      const cats = g.filter((r) => r.figure !== "outcomes_n").map((r) => `${figureLabel(r.figure, locale).toLowerCase()} ${shown(r.value, locale, r.figure)}`);
      out.push(`• ${groupLabel(group, locale)} (${shown(n.value, locale, "outcomes_n")})${cats.length ? `: ${cats.join(", ")}` : ""}`);
    }
  }
  return out;
}

export function reportText(report: Report, locale: Locale): string {
  const rows = reportRows(report);
  const lines = [t(locale, "rep.title", { first: report.period.first, last: report.period.last })];
  lines.push(
    "",
    t(locale, "rep.all_programmes"),
    ...block(
      rows.filter((r) => r.programme === null),
      locale,
    ).slice(1),
  );
  for (const p of report.programmes.length > 1 ? report.programmes : []) {
    lines.push(
      "",
      `— ${p.name} —`,
      ...block(
        rows.filter((r) => r.programme === p.name),
        locale,
      ).slice(1),
    );
  }
  lines.push("", t(locale, "rep.note"));
  return lines.join("\n");
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvValue(v: Shown | undefined, locale: Locale): string {
  if (v === null || v === undefined) return "";
  if (v === "<5" || v === "hidden") return "<5";
  return formatNumber(v, locale);
}

export function reportCsv(report: Report, locale: Locale): string {
  const header = ["from", "to", "programme", "section", "figure", "group", "value", "percent"].map((c) => t(locale, `rep.csv.${c}`));
  const lines = [
    header,
    ...reportRows(report).map((r) => [
      report.period.first,
      report.period.last,
      r.programme ?? t(locale, "rep.all_programmes"),
      t(locale, `rep.section.${r.section}`),
      figureLabel(r.figure, locale),
      r.group ? groupLabel(r.group, locale) : "",
      csvValue(r.value, locale),
      csvValue(r.percent, locale),
    ]),
  ];
  return `\ufeff${lines.map((l) => l.map(csvField).join(";")).join("\r\n")}\r\n`;
}

export function reportChart(report: Report, locale: Locale): Buffer {
  const rows = reportRows(report).filter((r) => r.programme === null);
  const value = (figure: string, section: Section) => {
    const v = rows.find((r) => r.figure === figure && r.section === section)?.value;
    return typeof v === "number" ? v : v === null || v === undefined ? 0 : null;
  };
  return renderChart(
    t(locale, "rep.chart_title", { first: report.period.first, last: report.period.last }),
    [
      { title: t(locale, "rep.section.outcomes"), bars: OUTCOME_CATEGORIES.map((c) => ({ label: t(locale, `rep.cat.${c}`), value: value(c, "outcomes") })) },
      {
        title: t(locale, "rep.section.hours"),
        bars: ["planned", "reported_mentor", "reported_mentee", "confirmed"].map((f) => ({ label: t(locale, `rep.bar.${f}`), value: value(f, "hours") })),
      },
    ],
    (v) => formatNumber(v, locale),
  );
}

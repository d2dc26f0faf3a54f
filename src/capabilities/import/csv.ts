// Reads the CSV a coordinator exports from a spreadsheet: semicolon (Danish Excel), comma or tab
// separated, quoted fields with "" escapes and line breaks, an optional UTF-8 BOM.

export const MAX_ROWS = 2000;

function delimiterOf(firstLine: string): string {
  const counts = [";", ",", "\t"].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ";";
}

/** Rows of fields; each row keeps the line number it started on (1 = the header). */
export function parseCsv(input: string): { line: number; fields: string[] }[] {
  const text = input.replace(/^\ufeff/, "");
  const d = delimiterOf(text.split(/\r?\n/, 1)[0] ?? "");
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== "")) rows.push({ line: start, fields: fields.map((f) => f.trim()) });
    fields = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === d) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      start = line;
    } else field += c;
    if (rows.length > MAX_ROWS) break;
  }
  if (field !== "" || fields.length) endRow();
  return rows;
}

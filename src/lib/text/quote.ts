// Text someone typed, shown inside a message the bot sends to someone else (a relayed message, a
// mentor's experience, an alert excerpt). It is set apart as a quote — every line starts with "> " —
// so a line break in it can never begin a line that looks like the bot's own (a fake "approve"
// instruction, a fake sender). Adapters escape markup separately; this is about the lines.

// Line separators the platforms show as a new line, not just \n.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/;

/** Every line prefixed with "> "; blank lines kept as a bare ">" so the quote stays one block. */
export function quoteBlock(text: string): string {
  return text
    .trim()
    .split(LINE_BREAK)
    .map((line) => (line.trim() === "" ? ">" : `> ${line.trimEnd()}`))
    .join("\n");
}

/** A short value on one line (names, reasons): every run of whitespace, line breaks included, is one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

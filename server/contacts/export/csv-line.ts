// One CSV line (CRLF-terminated, RFC 4180 quoting). A cell a spreadsheet would run as a formula
// (starting with = + - @, or a tab / carriage return before one) gets a leading apostrophe, so an exported
// "=HYPERLINK(...)" a contact typed into a chat stays text when the file is opened in Excel. Phones
// (+81…) get it too; the import drops that apostrophe again, so an export imports back unchanged.
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

import { CsvFormatError, csvRecords } from "./csv-records";
import { detectDelimiter } from "./detect-delimiter";

export const MAX_IMPORT_ROWS = 200_000;

export type CsvInspection =
  | { ok: true; delimiter: string; headers: string[]; total: number }
  | { ok: false; error: string };

// Reads the whole file once before anything is stored: a file with unbalanced quotes, no header,
// or unusable header names is refused here, so a bad file never starts a job or changes a contact.
export function inspectCsv(text: string): CsvInspection {
  const delimiter = detectDelimiter(text);
  let headers: string[] | undefined;
  let total = 0;
  try {
    for (const record of csvRecords(text, delimiter)) {
      if (!headers) {
        headers = record.cells.map((cell) => cell.trim());
        const problem = headerProblem(headers);
        if (problem) return { ok: false, error: problem };
        continue;
      }
      total += 1;
      if (total > MAX_IMPORT_ROWS) {
        return { ok: false, error: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it into smaller files.` };
      }
    }
  } catch (error) {
    if (error instanceof CsvFormatError) return { ok: false, error: `The file is not valid CSV: ${error.message}` };
    throw error;
  }
  if (!headers) return { ok: false, error: "The file is empty: the first line must be a header row naming the columns." };
  if (total === 0) return { ok: false, error: "The file has a header row but no rows to import." };
  return { ok: true, delimiter, headers, total };
}

function headerProblem(headers: string[]): string | undefined {
  const empty = headers.findIndex((name) => name === "");
  if (empty !== -1) {
    return `Column ${empty + 1} has no name in the header row (line 1). Every column needs a name; the first line must be the header.`;
  }
  const looksLikeData = headers.find((name) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(name) || /^[+\d][\d\s()+-]{5,}$/.test(name.normalize("NFKC")));
  if (looksLikeData) {
    return `The first line holds data ("${looksLikeData}"), not column names. Add a header row naming the columns (e.g. name, phone, email).`;
  }
  const seen = new Map<string, number>();
  for (const [index, name] of headers.entries()) {
    const key = name.normalize("NFKC").toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return `Columns ${first + 1} and ${index + 1} are both named "${name}" in the header row; rename one of them.`;
    seen.set(key, index);
  }
  return undefined;
}

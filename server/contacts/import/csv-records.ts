// One record of a CSV file: its cells and the 1-based line it starts on (a quoted cell may span lines).
export type CsvRecord = { line: number; cells: string[] };

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvFormatError";
  }
}

// RFC 4180 records, lazily, so a large file is walked once without building every row in memory.
// Our own reader rather than csv-parse: csv-parse's `info.lines` counts a CRLF inside a quoted cell as
// two lines, and a rejected row's line number must match what the user sees in a text editor.
// Blank lines are skipped; a quote inside an unquoted cell is kept as text (5'11" stays 5'11").
export function* csvRecords(text: string, delimiter: string): Generator<CsvRecord> {
  const length = text.length;
  let i = 0;
  let line = 1;
  while (i < length) {
    const startLine = line;
    const cells: string[] = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      let cell = "";
      if (text[i] === '"') {
        const quoteLine = line;
        i += 1;
        for (;;) {
          const next = text.indexOf('"', i);
          if (next === -1) {
            throw new CsvFormatError(quoteLine, `A quoted cell that starts on line ${quoteLine} is never closed (unbalanced quotes).`);
          }
          const chunk = text.slice(i, next);
          line += lineBreaks(chunk);
          cell += chunk;
          if (text[next + 1] === '"') {
            cell += '"';
            i = next + 2;
            continue;
          }
          i = next + 1;
          break;
        }
        // Spaces after the closing quote are forgiven; other text is not.
        while (text[i] === " " && delimiter !== " ") i += 1;
        const after = text[i];
        if (i < length && after !== delimiter && after !== "\n" && after !== "\r") {
          throw new CsvFormatError(line, `Line ${line}: unexpected text after a closing quote (a quote inside a quoted cell must be doubled: "").`);
        }
      } else {
        const start = i;
        while (i < length) {
          const c = text[i];
          if (c === delimiter || c === "\n" || c === "\r") break;
          i += 1;
        }
        cell = text.slice(start, i);
      }
      cells.push(cell);
      const c = text[i];
      if (c === delimiter) {
        i += 1;
        continue;
      }
      atRecordEnd = true;
      if (c === "\r") i += text[i + 1] === "\n" ? 2 : 1;
      else if (c === "\n") i += 1;
      if (c === "\r" || c === "\n") line += 1;
    }
    if (cells.length === 1 && cells[0] === "") continue;
    yield { line: startLine, cells };
  }
}

function lineBreaks(chunk: string): number {
  let count = 0;
  for (let j = 0; j < chunk.length; j += 1) {
    const c = chunk.charCodeAt(j);
    if (c === 10) count += 1;
    else if (c === 13 && chunk.charCodeAt(j + 1) !== 10) count += 1;
  }
  return count;
}

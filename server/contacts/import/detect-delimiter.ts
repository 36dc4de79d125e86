import { csvRecords } from "./csv-records";

const candidates = [",", ";", "\t", "|"] as const;
const SAMPLE_RECORDS = 50;

// The separator that splits the first records into the same number of cells, more than one, most
// often: Excel in some locales writes ";", spreadsheets exported as TSV use tabs. Comma by default.
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of candidates) {
    const counts = sampleCounts(text, delimiter);
    const header = counts[0];
    if (!header || header < 2) continue;
    const consistent = counts.filter((count) => count === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function sampleCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  try {
    for (const record of csvRecords(text.slice(0, 200_000), delimiter)) {
      counts.push(record.cells.length);
      if (counts.length >= SAMPLE_RECORDS) break;
    }
  } catch {
    // A cut-off sample or a wrong separator; what was read still counts.
  }
  return counts;
}

import { faqNgrams, type NgramBag } from "./faq-ngrams";

export type FaqEntry = { id: string; question: string; alternatives: string[]; answer: string };

// Chosen from faq-match.test.ts over two FAQs (a shop, and a clinic that played no part in tuning):
// every near-paraphrase there, English and Japanese ("営業時間は何時ですか" -> "営業時間を教えて"),
// scores >= 0.23 and every unrelated question <= 0.17; 0.2 sits between.
export const DEFAULT_FAQ_THRESHOLD = 0.2;

// The entry whose question (or an alternative wording) is most like the message, scored 0..1 as a
// Dice coefficient over character n-grams weighted by how rare each n-gram is across the FAQ.
export function bestFaqMatch(
  entries: readonly FaqEntry[],
  text: string,
  threshold: number,
): { entry: FaqEntry; score: number } | undefined {
  const query = faqNgrams(text);
  if (query.size === 0) return undefined;
  const index = indexFor(entries);
  const queryWeight = weightedSize(query, index);
  let best: { entry: FaqEntry; score: number } | undefined;
  for (const wording of index.wordings) {
    const shared = sharedWeight(query, wording.bag, index);
    const score = shared === 0 ? 0 : (2 * shared) / (queryWeight + wording.weight);
    if (score > (best?.score ?? 0)) best = { entry: wording.entry, score: Math.min(1, score) };
  }
  return best && best.score >= threshold ? best : undefined;
}

type FaqIndex = {
  wordings: { entry: FaqEntry; bag: NgramBag; weight: number }[];
  // In how many entries each n-gram appears; n-grams every entry shares say little about which one fits.
  entryFrequency: Map<string, number>;
  entryCount: number;
};

// The FAQ list of a published flow is the same array for every message, so it is indexed once.
const indexCache = new WeakMap<readonly FaqEntry[], FaqIndex>();

function indexFor(entries: readonly FaqEntry[]): FaqIndex {
  const cached = indexCache.get(entries);
  if (cached) return cached;
  const entryFrequency = new Map<string, number>();
  const bags = entries.map((entry) => {
    const wordings = [entry.question, ...entry.alternatives].filter((w) => w.trim() !== "").map(faqNgrams);
    const grams = new Set(wordings.flatMap((bag) => [...bag.keys()]));
    for (const gram of grams) entryFrequency.set(gram, (entryFrequency.get(gram) ?? 0) + 1);
    return { entry, wordings };
  });
  const index: FaqIndex = { wordings: [], entryFrequency, entryCount: entries.length };
  for (const { entry, wordings } of bags) {
    for (const bag of wordings) if (bag.size > 0) index.wordings.push({ entry, bag, weight: weightedSize(bag, index) });
  }
  indexCache.set(entries, index);
  return index;
}

function idf(gram: string, index: FaqIndex): number {
  return Math.log(1 + (index.entryCount + 1) / ((index.entryFrequency.get(gram) ?? 0) + 1));
}

function weightedSize(bag: NgramBag, index: FaqIndex): number {
  let total = 0;
  for (const [gram, count] of bag) total += count * idf(gram, index);
  return total;
}

function sharedWeight(query: NgramBag, target: NgramBag, index: FaqIndex): number {
  let total = 0;
  for (const [gram, count] of query) {
    const other = target.get(gram);
    if (other !== undefined) total += Math.min(count, other) * idf(gram, index);
  }
  return total;
}

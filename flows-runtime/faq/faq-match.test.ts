import { describe, it, expect } from "vitest";
import { bestFaqMatch, DEFAULT_FAQ_THRESHOLD, type FaqEntry } from "./faq-match";

const entry = (id: string, question: string, alternatives: string[] = []): FaqEntry => ({ id, question, alternatives, answer: `answer:${id}` });

// A shop's FAQ, as a marketer would write it: one question per entry plus a few other wordings.
const shop: FaqEntry[] = [
  entry("hours", "What are your opening hours?", ["When are you open?", "営業時間を教えて", "何時から何時まで開いていますか"]),
  entry("shipping", "How much is shipping?", ["Shipping cost", "送料はいくらですか", "配送料について"]),
  entry("returns", "How do I return an item?", ["Refund policy", "返品したい", "返品・交換の方法"]),
  entry("location", "Where is your store?", ["Store address", "店舗の場所はどこですか", "アクセス方法"]),
  entry("payment", "Which payment methods do you accept?", ["Can I pay by credit card?", "支払い方法", "クレジットカードは使えますか"]),
];

// A clinic's FAQ that played no part in choosing the threshold: it checks the default generalises.
const clinic: FaqEntry[] = [
  entry("booking", "How do I book an appointment?", ["予約の取り方", "Make a reservation"]),
  entry("insurance", "Do you accept health insurance?", ["保険証は使えますか"]),
  entry("parking", "Is there parking?", ["駐車場はありますか"]),
];

const paraphrases: [FaqEntry[], string, string][] = [
  [shop, "営業時間は何時ですか", "hours"],
  [shop, "what time do you open", "hours"],
  [shop, "opening hours please", "hours"],
  [shop, "Are you open on Sunday?", "hours"],
  [shop, "何時まで開いてますか", "hours"],
  [shop, "営業時間", "hours"],
  [shop, "ＯＰＥＮＩＮＧ　ＨＯＵＲＳ？", "hours"],
  [shop, "how much does shipping cost?", "shipping"],
  [shop, "送料いくら？", "shipping"],
  [shop, "shipping fee", "shipping"],
  [shop, "配送料はいくらかかりますか", "shipping"],
  [shop, "I want to return my order", "returns"],
  [shop, "返品できますか", "returns"],
  [shop, "can i get a refund", "returns"],
  [shop, "where is the store", "location"],
  [shop, "お店の場所を教えてください", "location"],
  [shop, "店舗はどこ", "location"],
  [shop, "what's your address", "location"],
  [shop, "do you accept credit cards", "payment"],
  [shop, "支払い方法を教えて", "payment"],
  [shop, "カードで払えますか", "payment"],
  [clinic, "予約したいです", "booking"],
  [clinic, "how can I book", "booking"],
  [clinic, "I'd like to make an appointment", "booking"],
  [clinic, "保険は使える？", "insurance"],
  [clinic, "Can I use my insurance?", "insurance"],
  [clinic, "駐車場ある？", "parking"],
  [clinic, "where can I park", "parking"],
];

const unrelated: [FaqEntry[], string][] = [
  [shop, "I love your products"],
  [shop, "My package is damaged"],
  [shop, "Can I speak to a human?"],
  [shop, "天気はどうですか"],
  [shop, "予約をキャンセルしたい"],
  [shop, "ありがとうございます"],
  [shop, "hello"],
  [shop, "こんにちは"],
  [shop, "Do you have this in blue?"],
  [shop, "新商品はありますか"],
  [shop, "What is your name?"],
  [shop, "パスワードを忘れました"],
  [shop, "how are you"],
  [clinic, "What are your opening hours?"],
  [clinic, "送料はいくらですか"],
  [clinic, "I lost my password"],
  [clinic, "ありがとう"],
  [clinic, "shipping fee"],
  [clinic, "My package is damaged"],
  [shop, "I lost my password"],
  [shop, "where can I park"],
  [shop, "Can I use my insurance?"],
  [shop, "駐車場ある？"],
];

describe("bestFaqMatch with DEFAULT_FAQ_THRESHOLD", () => {
  it.each(paraphrases)("matches a near-paraphrase: %#: %s -> %s", (entries, text, id) => {
    const match = bestFaqMatch(entries, text, DEFAULT_FAQ_THRESHOLD);
    expect(match?.entry.id).toBe(id);
  });

  it.each(unrelated)("does not answer an unrelated question: %#: %s", (entries, text) => {
    expect(bestFaqMatch(entries, text, DEFAULT_FAQ_THRESHOLD)).toBeUndefined();
  });

  it("leaves a margin on both sides of the threshold", () => {
    const lowestMatch = Math.min(...paraphrases.map(([entries, text]) => bestFaqMatch(entries, text, 0)?.score ?? 0));
    const highestMiss = Math.max(...unrelated.map(([entries, text]) => bestFaqMatch(entries, text, 0)?.score ?? 0));
    expect(lowestMatch).toBeGreaterThanOrEqual(DEFAULT_FAQ_THRESHOLD + 0.03);
    expect(highestMiss).toBeLessThanOrEqual(DEFAULT_FAQ_THRESHOLD - 0.03);
  });
});

describe("bestFaqMatch scoring", () => {
  it("scores an exact question 1, whatever the case and width", () => {
    expect(bestFaqMatch(shop, "what are your opening hours", 0.99)).toMatchObject({ entry: { id: "hours" }, score: 1 });
    expect(bestFaqMatch(shop, "ＷＨＥＮ ＡＲＥ ＹＯＵ ＯＰＥＮ？", 0.99)?.entry.id).toBe("hours");
    expect(bestFaqMatch(shop, "返品したい", 0.99)?.entry.answer).toBe("answer:returns");
  });

  it("keeps scores in [0, 1] and lets a higher threshold turn a weak match away", () => {
    const weak = bestFaqMatch(shop, "カードで払えますか", 0);
    expect(weak?.score).toBeGreaterThan(0);
    expect(weak?.score).toBeLessThan(1);
    expect(bestFaqMatch(shop, "カードで払えますか", (weak?.score ?? 0) + 0.01)).toBeUndefined();
    expect(bestFaqMatch(shop, "カードで払えますか", weak?.score ?? 0)?.entry.id).toBe("payment");
  });

  it("compares against each alternative wording, not just the question", () => {
    // Only the Japanese alternative shares anything with this message.
    const match = bestFaqMatch(shop, "アクセス方法を知りたい", DEFAULT_FAQ_THRESHOLD);
    expect(match?.entry.id).toBe("location");
  });

  it("never matches on nothing shared, even with threshold 0", () => {
    expect(bestFaqMatch(shop, "zzz", 0)).toBeUndefined();
    expect(bestFaqMatch(shop, "", 0)).toBeUndefined();
    expect(bestFaqMatch(shop, " ？！ ", 0)).toBeUndefined();
    expect(bestFaqMatch([], "opening hours", 0)).toBeUndefined();
  });

  it("prefers the first entry when two are equally good", () => {
    const twins = [entry("first", "Gift wrapping"), entry("second", "Gift wrapping")];
    expect(bestFaqMatch(twins, "gift wrapping", 0.5)?.entry.id).toBe("first");
  });

  it("indexes each entries array once and reflects a new array", () => {
    const entries = [entry("a", "Do you sell gift cards?")];
    expect(bestFaqMatch(entries, "gift cards", DEFAULT_FAQ_THRESHOLD)?.entry.id).toBe("a");
    const edited = [entry("b", "Do you deliver on weekends?")];
    expect(bestFaqMatch(edited, "gift cards", DEFAULT_FAQ_THRESHOLD)).toBeUndefined();
    expect(bestFaqMatch(edited, "weekend delivery", DEFAULT_FAQ_THRESHOLD)?.entry.id).toBe("b");
  });
});

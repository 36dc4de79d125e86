import { describe, expect, it } from "vitest";
import { choiceToken } from "../choice-token";
import { render } from "../render";
import { choices, familyLabel, image, labelled, longEnglish, longJapanese, message, pdf, sentences } from "../render-fixtures";
import { resolveChoiceReply } from "../resolve-choice-reply";
import { telegramMethodFor } from "./telegram";

type Keyboard = { reply_markup: { inline_keyboard: { text: string; callback_data: string }[][] } };
const keyboard = (payload: unknown) => (payload as Keyboard).reply_markup.inline_keyboard;
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe("render for Telegram", () => {
  it("sends plain text as a sendMessage body", () => {
    const out = render(message("Hello!"), "telegram");
    expect(out.payloads).toEqual([{ text: "Hello!" }]);
    expect(telegramMethodFor(out.payloads[0] as object)).toBe("sendMessage");
    expect(out.degraded).toEqual([]);
  });

  it("puts each choice on its own inline keyboard row, for 2, 3, 4, 11 and 14 choices", () => {
    expect(render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "telegram").payloads).toEqual([
      {
        text: "Coffee or tea?",
        reply_markup: {
          inline_keyboard: [[{ text: "Coffee", callback_data: "p1" }], [{ text: "Tea", callback_data: "p2" }]],
        },
      },
    ]);
    for (const n of [3, 4, 11, 14]) {
      const out = render(message("Pick", choices(n)), "telegram");
      expect(keyboard(out.payloads[0]).map((row) => row[0]?.callback_data)).toEqual(choices(n).map((c) => c.payload));
      expect(out.degraded).toEqual([]);
    }
  });

  it("leaves long button labels whole (Telegram clients ellipsise them)", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "telegram");
    expect(keyboard(out.payloads[0]).map((row) => row[0]?.text)).toEqual([longEnglish, longJapanese, familyLabel]);
    expect(out.degraded).toEqual([]);
  });

  it("keeps Japanese payloads up to 64 bytes and replaces longer ones with a token that maps back", () => {
    const fits = "あ".repeat(21); // 63 bytes
    const tooLong = "あ".repeat(22); // 66 bytes
    const list = [
      { id: "yes", label: "はい", payload: fits },
      { id: "no", label: "いいえ", payload: tooLong },
      { id: "later", label: "あとで", payload: `${tooLong}2` },
    ];
    const out = render(message("予約しますか？", list), "telegram");
    const data = keyboard(out.payloads[0]).map((row) => row[0]?.callback_data ?? "");
    expect(data[0]).toBe(fits);
    expect(data[1]).toBe(choiceToken({ id: "no" }));
    expect(new Set(data).size).toBe(3);
    for (const d of data) expect(bytes(d)).toBeLessThanOrEqual(64);
    expect(out.degraded.map((d) => d.code)).toEqual(["payload_shortened", "payload_shortened"]);
    expect(out.degraded[0]?.message).toBe(
      `Telegram buttons carry at most 64 bytes of data: the choice “いいえ” is sent with the short code “${data[1]}” instead of its payload, and matched back automatically.`,
    );
    expect(data.map((d) => resolveChoiceReply(d, list)?.id)).toEqual(["yes", "no", "later"]);
  });

  it("splits text over 4096 characters", () => {
    const out = render(message(sentences(9000), choices(2)), "telegram");
    expect(out.payloads).toHaveLength(3);
    for (const p of out.payloads) expect((p as { text: string }).text.length).toBeLessThanOrEqual(4096);
    expect(keyboard(out.payloads[2])).toHaveLength(2);
    expect(out.degraded.map((d) => d.code)).toEqual(["text_split"]);
  });

  it("sends media with sendPhoto / sendDocument and a caption", () => {
    const photo = render(message("Our menu", [], image), "telegram").payloads[0] as object;
    expect(photo).toEqual({ photo: image.url, caption: "Our menu" });
    expect(telegramMethodFor(photo)).toBe("sendPhoto");
    const doc = render(message("Prices", [], pdf), "telegram").payloads[0] as object;
    expect(doc).toEqual({ document: pdf.url, caption: "Prices" });
    expect(telegramMethodFor(doc)).toBe("sendDocument");
  });

  it("sends a caption over 1024 characters as a separate message", () => {
    const text = sentences(1500);
    const out = render(message(text, [], image), "telegram");
    expect(out.payloads).toEqual([{ photo: image.url }, { text }]);
  });
});

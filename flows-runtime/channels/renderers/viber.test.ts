import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, familyLabel, image, labelled, longEnglish, longJapanese, message, pdf, sentences } from "../render-fixtures";

const keyboardButtons = (payload: unknown) => (payload as { keyboard: { Buttons: { Text: string; ActionBody: string }[] } }).keyboard.Buttons;

describe("render for Viber", () => {
  it("sends plain text as a text message", () => {
    expect(render(message("Hello!"), "viber")).toMatchObject({ payloads: [{ type: "text", text: "Hello!" }], degraded: [] });
  });

  it("sends choices as a reply keyboard, full width, for 2 to 14 choices", () => {
    expect(render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "viber").payloads).toEqual([
      {
        type: "text",
        text: "Coffee or tea?",
        keyboard: {
          Type: "keyboard",
          DefaultHeight: false,
          Buttons: [
            { ActionType: "reply", ActionBody: "p1", Text: "Coffee", Columns: 6, Rows: 1 },
            { ActionType: "reply", ActionBody: "p2", Text: "Tea", Columns: 6, Rows: 1 },
          ],
        },
      },
    ]);
    for (const n of [3, 4, 11, 14]) {
      const out = render(message("Pick", choices(n)), "viber");
      expect(keyboardButtons(out.payloads[0]).map((b) => b.ActionBody)).toEqual(choices(n).map((c) => c.payload));
      expect(out.degraded).toEqual([]);
    }
  });

  it("falls back to numbered text beyond 24 keyboard buttons", () => {
    const out = render(message("Pick", choices(25)), "viber");
    expect(out.parts.map((p) => p.kind)).toEqual(["numbered_text"]);
    expect(out.degraded[0]?.message).toBe(
      "Viber shows at most 24 keyboard buttons: these 25 choices are sent as numbered text, and the contact replies with a number.",
    );
  });

  it("keeps long English, Japanese and emoji labels whole (up to 250 characters)", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "viber");
    expect(keyboardButtons(out.payloads[0]).map((b) => b.Text)).toEqual([longEnglish, longJapanese, familyLabel]);
    const tooLong = render(message("Which?", labelled(["a".repeat(300)])), "viber");
    expect(keyboardButtons(tooLong.payloads[0])[0]?.Text).toBe(`${"a".repeat(249)}…`);
    expect(tooLong.degraded.map((d) => d.code)).toEqual(["label_truncated"]);
  });

  it("splits text over 7000 characters", () => {
    const out = render(message(sentences(8000)), "viber");
    expect(out.payloads).toHaveLength(2);
    expect(out.degraded.map((d) => d.code)).toEqual(["text_split"]);
  });

  it("sends a picture with its caption; a file goes as a link", () => {
    expect(render(message("Our menu", [], image), "viber").payloads).toEqual([{ type: "picture", text: "Our menu", media: image.url }]);
    const file = render(message("Prices", [], pdf), "viber");
    expect(file.payloads).toEqual([{ type: "text", text: `Prices\n\nprices.pdf: ${pdf.url}` }]);
    expect(file.degraded.map((d) => d.code)).toEqual(["media_as_link"]);
  });
});

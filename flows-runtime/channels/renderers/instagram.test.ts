import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, familyLabel, image, labelled, longEnglish, longJapanese, message, pdf } from "../render-fixtures";

const desktopNote = {
  code: "quick_replies_hidden_on_desktop",
  message: "Instagram does not show quick replies on desktop: contacts there see only the text and must type their answer.",
};

describe("render for Instagram", () => {
  it("sends plain text as a message object", () => {
    expect(render(message("Hello!"), "instagram")).toMatchObject({ payloads: [{ text: "Hello!" }], degraded: [] });
  });

  it("sends 2, 3, 4 and 11 choices as quick replies and warns they are hidden on desktop", () => {
    expect(render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "instagram")).toMatchObject({
      payloads: [
        {
          text: "Coffee or tea?",
          quick_replies: [
            { content_type: "text", title: "Coffee", payload: "p1" },
            { content_type: "text", title: "Tea", payload: "p2" },
          ],
        },
      ],
      degraded: [desktopNote],
    });
    for (const n of [3, 4, 11]) {
      const out = render(message("Pick", choices(n)), "instagram");
      expect((out.payloads[0] as { quick_replies: unknown[] }).quick_replies).toHaveLength(n);
    }
  });

  it("falls back to numbered text beyond 13, which desktop shows too", () => {
    const out = render(message("Pick", choices(14)), "instagram");
    expect(out.parts[0]?.kind).toBe("numbered_text");
    expect(out.degraded.map((d) => d.code)).toEqual(["choices_as_numbered_text"]);
  });

  it("cuts long titles to 20 graphemes", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "instagram");
    const titles = (out.payloads[0] as { quick_replies: { title: string }[] }).quick_replies.map((q) => q.title);
    expect(titles[0]).toBe("Appointment for Mon…");
    expect(titles[1]).toBe("月曜日の午前中のご予約をご希望の方はこ…");
    expect(out.degraded.filter((d) => d.code === "label_truncated")).toHaveLength(3);
  });

  it("splits text over 1000 UTF-8 bytes: 400 Japanese characters are 1200 bytes", () => {
    const text = "今日はいい天気ですね。".repeat(40);
    const out = render(message(text), "instagram");
    expect(out.payloads).toHaveLength(2);
    for (const p of out.payloads) expect(new TextEncoder().encode((p as { text: string }).text).length).toBeLessThanOrEqual(1000);
    expect(out.payloads.map((p) => (p as { text: string }).text).join("")).toBe(text);
    expect(out.degraded).toEqual([
      { code: "text_split", message: "Instagram messages hold at most 1000 bytes: this text is sent as 2 messages." },
    ]);
  });

  it("sends an image as an attachment and its caption as text; a file goes as a link", () => {
    expect(render(message("Our menu", [], image), "instagram").payloads).toEqual([
      { attachment: { type: "image", payload: { url: image.url } } },
      { text: "Our menu" },
    ]);
    const file = render(message("Prices", [], pdf), "instagram");
    expect(file.payloads).toEqual([{ text: `Prices\n\nprices.pdf: ${pdf.url}` }]);
    expect(file.degraded).toEqual([
      { code: "media_as_link", message: "Instagram cannot send this file directly: it is sent as a link in the text." },
    ]);
  });
});

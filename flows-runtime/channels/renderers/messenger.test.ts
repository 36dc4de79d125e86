import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, family, familyLabel, image, labelled, longEnglish, longJapanese, message, pdf, sentences } from "../render-fixtures";

describe("render for Messenger", () => {
  it("sends plain text as a message object", () => {
    const out = render(message("Hello!"), "messenger");
    expect(out.payloads).toEqual([{ text: "Hello!" }]);
    expect(out.degraded).toEqual([]);
  });

  it("sends 2, 3, 4 and 11 choices as quick replies", () => {
    expect(render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "messenger").payloads).toEqual([
      {
        text: "Coffee or tea?",
        quick_replies: [
          { content_type: "text", title: "Coffee", payload: "p1" },
          { content_type: "text", title: "Tea", payload: "p2" },
        ],
      },
    ]);
    for (const n of [3, 4, 11]) {
      const out = render(message("Pick", choices(n)), "messenger");
      expect((out.payloads[0] as { quick_replies: unknown[] }).quick_replies).toHaveLength(n);
      expect(out.degraded).toEqual([]);
    }
  });

  it("falls back to numbered text beyond 13 quick replies", () => {
    const out = render(message("Pick", choices(14)), "messenger");
    expect(out.payloads).toEqual([
      { text: `Pick\n\n${Array.from({ length: 14 }, (_, i) => `${i + 1}. Option ${i + 1}`).join("\n")}` },
    ]);
    expect(out.degraded).toEqual([
      {
        code: "choices_as_numbered_text",
        message: "Messenger shows at most 13 quick replies: these 14 choices are sent as numbered text, and the contact replies with a number.",
      },
    ]);
  });

  it("cuts quick reply titles to 20 graphemes, keeping ZWJ emoji whole", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "messenger");
    const titles = (out.payloads[0] as { quick_replies: { title: string }[] }).quick_replies.map((q) => q.title);
    expect(titles).toEqual(["Appointment for Mon…", "月曜日の午前中のご予約をご希望の方はこ…", `${family} Family plan for a…`]);
    expect(out.degraded.map((d) => d.code)).toEqual(["label_truncated", "label_truncated", "label_truncated"]);
  });

  it("reports descriptions it cannot show", () => {
    const out = render(message("Plans", [{ id: "a", label: "Basic", payload: "b", description: "Essentials" }]), "messenger");
    expect(out.degraded).toEqual([
      { code: "description_dropped", message: "Messenger quick replies cannot show descriptions: the descriptions of 1 choices are not shown." },
    ]);
  });

  it("splits text over 2000 characters", () => {
    const out = render(message(sentences(3000)), "messenger");
    expect(out.payloads).toHaveLength(2);
    for (const p of out.payloads) expect((p as { text: string }).text.length).toBeLessThanOrEqual(2000);
    expect(out.degraded).toEqual([
      { code: "text_split", message: "Messenger messages hold at most 2000 characters: this text is sent as 2 messages." },
    ]);
  });

  it("sends media as a reusable attachment followed by its text (Messenger has no captions)", () => {
    expect(render(message("Our menu", [], image), "messenger").payloads).toEqual([
      { attachment: { type: "image", payload: { url: image.url, is_reusable: true } } },
      { text: "Our menu" },
    ]);
    expect(render(message("", [], pdf), "messenger").payloads).toEqual([
      { attachment: { type: "file", payload: { url: pdf.url, is_reusable: true } } },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, familyLabel, image, labelled, longEnglish, longJapanese, message, sentences } from "../render-fixtures";

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. Option ${i + 1}`).join("\n");

describe("render for SMS", () => {
  it("sends plain text as a Twilio Body", () => {
    expect(render(message("Hello!"), "sms")).toMatchObject({ payloads: [{ Body: "Hello!" }], degraded: [] });
  });

  it("appends numbered options for 2, 3, 4, 11 and 14 choices", () => {
    const two = render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "sms");
    expect(two.payloads).toEqual([{ Body: "Coffee or tea?\n\n1. Coffee\n2. Tea" }]);
    expect(two.parts).toEqual([
      {
        kind: "numbered_text",
        text: "Coffee or tea?\n\n1. Coffee\n2. Tea",
        options: [
          { number: 1, label: "Coffee", payload: "p1" },
          { number: 2, label: "Tea", payload: "p2" },
        ],
      },
    ]);
    expect(two.degraded).toEqual([
      {
        code: "choices_as_numbered_text",
        message: "SMS has no buttons: these 2 choices are sent as numbered options, and the contact replies with a number.",
      },
    ]);
    for (const n of [3, 4, 11, 14]) {
      expect(render(message("Pick", choices(n)), "sms").payloads).toEqual([{ Body: `Pick\n\n${numbered(n)}` }]);
    }
  });

  it("needs no pointer above numbered options when the flow gave no text", () => {
    const out = render(message("", labelled(["Yes", "No"])), "sms");
    expect(out.payloads).toEqual([{ Body: "1. Yes\n2. No" }]);
    expect(out.degraded.map((d) => d.code)).toEqual(["choices_as_numbered_text"]);
  });

  it("keeps long labels whole and reports the UCS-2 segments Japanese and emoji cost", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "sms");
    expect(out.payloads).toEqual([{ Body: `Which?\n\n1. ${longEnglish}\n2. ${longJapanese}\n3. ${familyLabel}` }]);
    expect(out.degraded.map((d) => d.code)).toEqual(["choices_as_numbered_text", "sms_segments"]);
    expect(out.degraded[1]?.message).toBe(
      "SMS bills this as 2 segments: it has characters outside GSM-7 (such as Japanese or emoji), so a segment holds 70 characters, 67 when a message spans several.",
    );
  });

  it("counts GSM-7 segments for plain English", () => {
    expect(render(message("a".repeat(160)), "sms").degraded).toEqual([]);
    expect(render(message("a".repeat(161)), "sms").degraded).toEqual([
      { code: "sms_segments", message: "SMS bills this as 2 segments: a segment holds 160 characters, 153 when a message spans several." },
    ]);
  });

  it("splits text over 1600 characters into several Twilio messages", () => {
    const out = render(message(sentences(2000), choices(2)), "sms");
    const bodies = out.payloads.map((p) => (p as { Body: string }).Body);
    expect(bodies).toHaveLength(2);
    for (const b of bodies) expect(b.length).toBeLessThanOrEqual(1600);
    expect(bodies[1]?.endsWith(`\n\n${numbered(2)}`)).toBe(true);
    expect(out.degraded.map((d) => d.code)).toEqual(["choices_as_numbered_text", "text_split", "sms_segments"]);
    expect(out.degraded[1]?.message).toBe("SMS messages hold at most 1600 characters: this text is sent as 2 messages.");
  });

  it("sends media as a link after its caption", () => {
    const out = render(message("Our menu", [], image), "sms");
    expect(out.payloads).toEqual([{ Body: `Our menu\n\n${image.url}` }]);
    expect(out.degraded.map((d) => d.code)).toEqual(["media_as_link"]);
  });
});

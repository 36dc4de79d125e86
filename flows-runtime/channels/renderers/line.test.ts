import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, family, familyLabel, image, labelled, longEnglish, longJapanese, message, sentences } from "../render-fixtures";

type Item = { type: string; action: { type: string; label: string; data: string; displayText: string } };
const items = (payload: unknown, index = 0) =>
  ((payload as { messages: { quickReply: { items: Item[] } }[] }).messages[index]?.quickReply.items ?? []);

describe("render for LINE", () => {
  it("wraps messages in one { messages } body per call", () => {
    const out = render(message("Hello!"), "line");
    expect(out.payloads).toEqual([{ messages: [{ type: "text", text: "Hello!" }] }]);
    expect(out.degraded).toEqual([]);
  });

  it("sends 2 choices as postback quick replies whose displayText is the full label", () => {
    const out = render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "line");
    expect(out.payloads).toEqual([
      {
        messages: [
          {
            type: "text",
            text: "Coffee or tea?",
            quickReply: {
              items: [
                { type: "action", action: { type: "postback", label: "Coffee", data: "p1", displayText: "Coffee" } },
                { type: "action", action: { type: "postback", label: "Tea", data: "p2", displayText: "Tea" } },
              ],
            },
          },
        ],
      },
    ]);
    expect(out.degraded).toEqual([
      {
        code: "quick_replies_hidden_on_desktop",
        message: "LINE does not show quick replies on desktop: contacts there see only the text and must type their answer.",
      },
    ]);
  });

  it("holds 3, 4 and 11 choices in quick replies and falls back to numbered text at 14", () => {
    for (const n of [3, 4, 11]) expect(items(render(message("Pick", choices(n)), "line").payloads[0])).toHaveLength(n);
    const out = render(message("Pick", choices(14)), "line");
    expect(out.payloads).toEqual([
      { messages: [{ type: "text", text: `Pick\n\n${Array.from({ length: 14 }, (_, i) => `${i + 1}. Option ${i + 1}`).join("\n")}` }] },
    ]);
    expect(out.degraded.map((d) => d.message)).toEqual([
      "LINE shows at most 13 quick replies: these 14 choices are sent as numbered text, and the contact replies with a number.",
    ]);
  });

  it("cuts labels to 20 UTF-16 units (an emoji family is 11), keeping the whole label as displayText", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "line");
    const actions = items(out.payloads[0]).map((i) => i.action);
    expect(actions.map((a) => a.label)).toEqual(["Appointment for Mon…", "月曜日の午前中のご予約をご希望の方はこ…", `${family} Family…`]);
    for (const a of actions) expect(a.label.length).toBeLessThanOrEqual(20);
    expect(actions.map((a) => a.displayText)).toEqual([longEnglish, longJapanese, familyLabel]);
    expect(out.degraded.filter((d) => d.code === "label_truncated")).toHaveLength(3);
  });

  it("shortens postback data over 300 characters", () => {
    const out = render(message("OK?", [{ id: "ok", label: "OK", payload: "x".repeat(301) }]), "line");
    expect(items(out.payloads[0])[0]?.action.data).toMatch(/^k:/);
    expect(out.degraded.map((d) => d.code)).toContain("payload_shortened");
  });

  it("splits text over 5000 UTF-16 units and packs at most 5 messages per call", () => {
    const out = render(message(sentences(27_000)), "line");
    const calls = out.payloads as { messages: { text: string }[] }[];
    expect(calls.map((c) => c.messages.length)).toEqual([5, 1]);
    for (const m of calls.flatMap((c) => c.messages)) expect(m.text.length).toBeLessThanOrEqual(5000);
    expect(out.degraded.map((d) => d.code)).toEqual(["text_split", "messages_over_call_limit"]);
    expect(out.degraded[1]?.message).toBe(
      "LINE sends at most 5 messages per call: these 6 messages go out in 2 calls, and the later ones are pushed (they count toward your LINE message quota).",
    );
  });

  it("sends an image message and its caption as a text message in the same call", () => {
    const out = render(message("Our menu", [], image), "line");
    expect(out.payloads).toEqual([
      {
        messages: [
          { type: "image", originalContentUrl: image.url, previewImageUrl: image.url },
          { type: "text", text: "Our menu" },
        ],
      },
    ]);
  });

  it("sends a video as a link, since LINE needs a preview image the flow does not have", () => {
    const out = render(message("Watch", [], { kind: "video", url: "https://cdn.example.com/a.mp4" }), "line");
    expect(out.payloads).toEqual([{ messages: [{ type: "text", text: "Watch\n\nhttps://cdn.example.com/a.mp4" }] }]);
    expect(out.degraded.map((d) => d.code)).toEqual(["media_as_link"]);
  });
});

import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, familyLabel, image, labelled, longEnglish, longJapanese, message, sentences } from "../render-fixtures";

describe("render for web chat", () => {
  it("sends plain text in Kaiwa's own format", () => {
    expect(render(message("Hello!"), "webchat")).toMatchObject({ payloads: [{ type: "message", text: "Hello!" }], degraded: [] });
  });

  it("sends any number of choices as buttons, untouched", () => {
    expect(render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "webchat").payloads).toEqual([
      {
        type: "message",
        text: "Coffee or tea?",
        buttons: [
          { label: "Coffee", payload: "p1" },
          { label: "Tea", payload: "p2" },
        ],
      },
    ]);
    for (const n of [3, 4, 11, 14]) {
      const out = render(message("Pick", choices(n)), "webchat");
      expect((out.payloads[0] as { buttons: unknown[] }).buttons).toHaveLength(n);
      expect(out.degraded).toEqual([]);
    }
  });

  it("keeps long labels and long text whole", () => {
    const labels = [longEnglish, longJapanese, familyLabel];
    const out = render(message(sentences(10_000), labelled(labels)), "webchat");
    expect(out.payloads).toHaveLength(1);
    expect((out.payloads[0] as { buttons: { label: string }[] }).buttons.map((b) => b.label)).toEqual(labels);
    expect(out.degraded).toEqual([]);
  });

  it("sends media with its caption as the text, and allows no text above buttons", () => {
    expect(render(message("Our menu", [], image), "webchat").payloads).toEqual([{ type: "message", text: "Our menu", media: image }]);
    const bare = render(message("", labelled(["Yes"])), "webchat");
    expect(bare.payloads).toEqual([{ type: "message", text: "", buttons: [{ label: "Yes", payload: "p1" }] }]);
    expect(bare.degraded).toEqual([]);
  });
});

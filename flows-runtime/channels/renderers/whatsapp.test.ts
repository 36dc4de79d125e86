import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, family, familyLabel, image, labelled, longEnglish, longJapanese, message, pdf, sentences } from "../render-fixtures";

const wa = (body: object) => ({ messaging_product: "whatsapp", ...body });
const buttonsOf = (payload: unknown) =>
  (payload as { interactive: { action: { buttons: { reply: { id: string; title: string } }[] } } }).interactive.action.buttons.map(
    (b) => b.reply,
  );

describe("render for WhatsApp", () => {
  it("sends plain text as a text message", () => {
    const out = render(message("Hello!"), "whatsapp");
    expect(out.payloads).toEqual([wa({ type: "text", text: { body: "Hello!" } })]);
    expect(out.degraded).toEqual([]);
  });

  it("sends 2 and 3 choices as reply buttons", () => {
    const two = render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "whatsapp");
    expect(two.payloads).toEqual([
      wa({
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Coffee or tea?" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "p1", title: "Coffee" } },
              { type: "reply", reply: { id: "p2", title: "Tea" } },
            ],
          },
        },
      }),
    ]);
    expect(two.degraded).toEqual([]);
    const three = render(message("Pick", choices(3)), "whatsapp");
    expect(buttonsOf(three.payloads[0])).toHaveLength(3);
    expect(three.degraded).toEqual([]);
  });

  it("sends 4 and 11 choices beyond 3 buttons as a list, and says so", () => {
    const four = render(message("Pick a day", choices(4)), "whatsapp");
    expect(four.payloads).toEqual([
      wa({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "Pick a day" },
          action: {
            button: "Choose",
            sections: [{ rows: [1, 2, 3, 4].map((n) => ({ id: `p${n}`, title: `Option ${n}` })) }],
          },
        },
      }),
    ]);
    expect(four.degraded).toEqual([
      { code: "buttons_as_list", message: "WhatsApp shows at most 3 reply buttons: these 4 choices are sent as a list." },
    ]);
    expect(render(message("Pick", choices(10)), "whatsapp").parts[0]?.kind).toBe("list");
  });

  it("falls back to numbered text when even the 10-row list cannot hold every choice (11, 14)", () => {
    for (const n of [11, 14]) {
      const out = render(message("Pick a size", choices(n)), "whatsapp");
      const lines = Array.from({ length: n }, (_, i) => `${i + 1}. Option ${i + 1}`).join("\n");
      expect(out.payloads).toEqual([wa({ type: "text", text: { body: `Pick a size\n\n${lines}` } })]);
      expect(out.parts[0]).toMatchObject({ kind: "numbered_text" });
      expect(out.parts[0]?.kind === "numbered_text" && out.parts[0].options.map((o) => o.payload)).toEqual(
        choices(n).map((c) => c.payload),
      );
      expect(out.degraded).toEqual([
        {
          code: "choices_as_numbered_text",
          message: `WhatsApp shows at most 10 rows in a list: these ${n} choices are sent as numbered text, and the contact replies with a number.`,
        },
      ]);
    }
  });

  it("cuts long English, Japanese and ZWJ emoji titles to 20 and reports each", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "whatsapp");
    expect(buttonsOf(out.payloads[0]).map((b) => b.title)).toEqual([
      "Appointment for Mon…",
      "月曜日の午前中のご予約をご希望の方はこ…",
      // WhatsApp counts code points: the family emoji costs 7 of the 20 and stays whole.
      `${family} Family plan…`,
    ]);
    expect(out.degraded.map((d) => d.code)).toEqual(["label_truncated", "label_truncated", "label_truncated"]);
    expect(out.degraded[0]?.message).toBe(
      "WhatsApp reply buttons show at most 20 characters: “Appointment for Monday morning” is shown as “Appointment for Mon…”.",
    );
  });

  it("keeps titles and ids unique when truncation or the flow makes them collide", () => {
    const collide = [
      { id: "a", label: "Appointment for Monday morning", payload: "book" },
      { id: "b", label: "Appointment for Monday evening", payload: "book" },
    ];
    const out = render(message("When?", collide), "whatsapp");
    const buttons = buttonsOf(out.payloads[0]);
    expect(buttons.map((b) => b.title)).toEqual(["Appointment for M… 1", "Appointment for M… 2"]);
    expect(new Set(buttons.map((b) => b.id)).size).toBe(2);
    expect(buttons[0]?.id).toBe("book");
    expect(buttons[1]?.id).toMatch(/^k:[0-9a-z]+$/);
    for (const b of buttons) expect([...b.title].length).toBeLessThanOrEqual(20);
    expect(out.degraded.map((d) => d.code)).toEqual(["label_truncated", "label_truncated", "label_deduplicated", "duplicate_payload"]);
  });

  it("shortens ids over 256 characters to a stable token", () => {
    const long = [{ id: "x", label: "Yes", payload: "y".repeat(300) }];
    const a = render(message("OK?", long), "whatsapp");
    const b = render(message("OK?", long), "whatsapp");
    expect(buttonsOf(a.payloads[0])[0]?.id).toMatch(/^k:/);
    expect(a.payloads).toEqual(b.payloads);
    expect(a.degraded[0]?.code).toBe("payload_shortened");
  });

  it("uses a list with descriptions and cuts row titles at 24 and descriptions at 72", () => {
    const withDescriptions = [
      { id: "a", label: "Premium membership with extras", payload: "premium", description: "d".repeat(80) },
      { id: "b", label: "Basic", payload: "basic", description: "Just the essentials" },
    ];
    const out = render(message("Plans", withDescriptions), "whatsapp");
    const rows = (out.payloads[0] as { interactive: { action: { sections: { rows: unknown[] }[] } } }).interactive.action.sections[0]
      ?.rows;
    expect(rows).toEqual([
      { id: "premium", title: "Premium membership with…", description: `${"d".repeat(71)}…` },
      { id: "basic", title: "Basic", description: "Just the essentials" },
    ]);
    expect(out.degraded.map((d) => d.code)).toEqual(["buttons_as_list", "label_truncated", "description_truncated"]);
    expect(out.degraded[0]?.message).toBe("WhatsApp reply buttons cannot show descriptions: these 2 choices are sent as a list.");
  });

  it("splits text over 4096 characters into several text messages", () => {
    const text = sentences(5000);
    const out = render(message(text), "whatsapp");
    expect(out.payloads).toHaveLength(2);
    const bodies = out.payloads.map((p) => (p as { text: { body: string } }).text.body);
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(4096);
    expect(bodies.join(" ")).toBe(text);
    expect(out.degraded).toEqual([
      { code: "text_split", message: "WhatsApp messages hold at most 4096 characters: this text is sent as 2 messages." },
    ]);
  });

  it("keeps the buttons' body within 1024 characters and sends the rest first", () => {
    const text = sentences(1500);
    const out = render(message(text, choices(2)), "whatsapp");
    expect(out.payloads).toHaveLength(2);
    expect(out.payloads[0]).toMatchObject({ type: "text" });
    const body = (out.payloads[1] as { interactive: { body: { text: string } } }).interactive.body.text;
    expect(body.length).toBeLessThanOrEqual(1024);
    expect(`${(out.payloads[0] as { text: { body: string } }).text.body} ${body}`).toBe(text);
    expect(out.degraded[0]?.code).toBe("text_split");
  });

  it("sends an image with its caption, and a document with its filename", () => {
    expect(render(message("Our menu", [], image), "whatsapp").payloads).toEqual([
      wa({ type: "image", image: { link: image.url, caption: "Our menu" } }),
    ]);
    expect(render(message("Prices", [], pdf), "whatsapp").payloads).toEqual([
      wa({ type: "document", document: { link: pdf.url, caption: "Prices", filename: "prices.pdf" } }),
    ]);
  });

  it("sends media first and the question with its buttons after", () => {
    const out = render(message("Like it?", labelled(["Yes", "No"]), image), "whatsapp");
    expect(out.payloads[0]).toEqual(wa({ type: "image", image: { link: image.url } }));
    expect(out.payloads[1]).toMatchObject({ type: "interactive", interactive: { body: { text: "Like it?" } } });
  });

  it("adds a pointer above buttons when the flow gave no text, and says so", () => {
    const out = render(message("", labelled(["Yes", "No"])), "whatsapp");
    expect(out.payloads[0]).toMatchObject({ interactive: { body: { text: "👇" } } });
    expect(out.degraded.map((d) => d.code)).toEqual(["prompt_added"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { channelCapabilities, type Limit } from "./channel-capabilities";
import { channelTypes } from "./channel-type";
import { measureText } from "./measure-text";
import type { OutboundChoice } from "./outbound-message";
import { render, type RenderedPart } from "./render";
import { family, hasLoneSurrogate } from "./render-fixtures";
import { resolveChoiceReply } from "./resolve-choice-reply";

const fragments = ["Hello", "world.", "こんにちは。", family, "👍🏽", "🇯🇵", "\n\n", "\n", " ", "e\u0301", "€", "Ok!", "ご予約", "x"];
const textArb = (maxLength: number) => fc.array(fc.constantFrom(...fragments), { maxLength }).map((a) => a.join(""));
const choicesArb = fc
  .array(
    fc.record({
      label: fc.oneof(textArb(12), fc.string({ unit: "grapheme", maxLength: 30 })),
      payload: fc.oneof(fc.constantFrom("yes", "no", "あ".repeat(30)), fc.string({ minLength: 1, maxLength: 80 })),
      description: fc.option(textArb(20), { nil: undefined }),
    }),
    { maxLength: 16 },
  )
  .map((list): OutboundChoice[] => list.map((c, i) => ({ id: `choice-${i}`, ...c })));

const fits = (text: string, limit: Limit) => measureText(text, limit.unit) <= limit.max;
const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];
const choicePart = (parts: RenderedPart[]) => parts.find((p) => p.kind !== "text" && p.kind !== "media");
const items = (part: RenderedPart | undefined) =>
  !part ? [] : part.kind === "buttons" ? part.buttons : part.kind === "list" ? part.rows : part.kind === "quick_replies" ? part.replies : part.kind === "numbered_text" ? part.options : [];

describe("render on every channel", () => {
  it.each(channelTypes)("%s: every choice stays reachable, every limit holds, every change is reported", (channel) => {
    const caps = channelCapabilities[channel];
    fc.assert(
      fc.property(textArb(300), choicesArb, (text, choices) => {
        const out = render({ text, choices }, channel);
        const codes = out.degraded.map((d) => d.code);
        for (const s of strings(out.payloads)) expect(hasLoneSurrogate(s)).toBe(false);
        for (const d of out.degraded) expect(d.message).toContain(caps.displayName);

        for (const part of out.parts) if (part.kind === "text") expect(fits(part.text, caps.text)).toBe(true);

        const shown = items(choicePart(out.parts));
        expect(shown).toHaveLength(choices.length);
        if (choices.length === 0) return;
        const part = choicePart(out.parts);
        if (part?.kind === "numbered_text") {
          // The contact answers with the number, so the number is what must tell choices apart.
          part.options.forEach((o, i) => expect(resolveChoiceReply(String(o.number), choices, { acceptNumbers: true })).toBe(choices[i]));
        } else {
          expect(new Set(shown.map((s) => s.payload)).size).toBe(shown.length);
          shown.forEach((item, i) => expect(resolveChoiceReply(item.payload, choices)).toBe(choices[i]));
        }

        const limits =
          part?.kind === "buttons" ? caps.replyButtons : part?.kind === "quick_replies" ? caps.quickReplies : null;
        if (limits) {
          expect(fits(part && "text" in part ? part.text : "", limits.body)).toBe(true);
          for (const item of shown) expect(fits(item.label, limits.label)).toBe(true);
          if (limits.payload) for (const item of shown) expect(fits(item.payload, limits.payload)).toBe(true);
        }
        if (part?.kind === "list" && caps.list) {
          for (const row of part.rows) expect(fits(row.label, caps.list.rowTitle)).toBe(true);
        }
        if (part?.kind === "numbered_text") {
          expect(fits(part.text, caps.text)).toBe(true);
          expect(codes).toContain("choices_as_numbered_text");
        }
        const relabelled = shown.some((item, i) => item.label !== (choices[i]?.label.trim() || choices[i]?.payload));
        if (relabelled) expect(codes.some((c) => c.startsWith("label_"))).toBe(true);
        const recoded = part?.kind !== "numbered_text" && shown.some((item, i) => item.payload !== choices[i]?.payload);
        if (recoded) expect(codes.some((c) => c === "payload_shortened" || c === "duplicate_payload")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(channelTypes)("%s: text without choices arrives whole, split only where reported", (channel) => {
    fc.assert(
      fc.property(textArb(500), (text) => {
        const out = render({ text, choices: [] }, channel);
        const sent = out.parts.map((p) => (p.kind === "text" ? p.text : "")).join("");
        expect(sent.replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        if (out.parts.length > 1) expect(out.degraded.map((d) => d.code)).toContain("text_split");
      }),
      { numRuns: 40 },
    );
  });
});

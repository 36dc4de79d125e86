import { describe, expect, it } from "vitest";
import { fakeRunContext } from "../../testing/fake-run-context";
import type { NodeResult } from "../define-node-kind";
import { faqNode } from "./faq";

const diagnoseCtx = { nodeId: "f", knownFields: new Set<string>(), knownVariables: new Set<string>(), channels: [] as const };

const entries = [
  { id: "hours", question: "What are your opening hours?", alternatives: ["営業時間は何時ですか", "when are you open"], answer: "We're open 9:00–18:00, Monday to Friday, {{contact.first_name | default: \"friend\"}}." },
  { id: "shipping", question: "How long does shipping take?", alternatives: ["配送にはどのくらいかかりますか"], answer: "Shipping takes 2–4 business days." },
  { id: "refunds", question: "Can I get a refund?", alternatives: ["返金できますか"], answer: "Yes, within 30 days of purchase." },
];

function sent(result: NodeResult) {
  return (result.actions ?? []).flatMap((a) => (a.type === "send" ? [a.message.text] : []));
}

describe("faq node", () => {
  it("answers the message that started the flow when it does not ask first", () => {
    const data = faqNode.data.parse({ entries });
    const result = faqNode.run(data, fakeRunContext({ nodeId: "f", event: { type: "start", reason: "first_message", message: { text: "when are you open?" } }, contact: { fields: { first_name: "Mia" } } }));
    expect(result).toMatchObject({ outcome: "next", port: "answered", variables: { faq_match: "hours" } });
    expect(sent(result)).toEqual(["We're open 9:00–18:00, Monday to Friday, Mia."]);
    expect(faqNode.waits?.(data)).toBe(false);
  });

  it("asks first, then answers the contact's question, in Japanese too", () => {
    const data = faqNode.data.parse({ entries, askFirst: "What would you like to know?" });
    const asked = faqNode.run(data, fakeRunContext({ nodeId: "f" }));
    expect(sent(asked)).toEqual(["What would you like to know?"]);
    expect(asked).toMatchObject({ outcome: "wait", waiting: { for: "input", nodeId: "f" } });
    if (asked.outcome !== "wait") throw new Error("expected wait");
    const answered = faqNode.resume!(data, fakeRunContext({ nodeId: "f", message: { text: "配送にどのくらいかかりますか？" } }), asked.waiting);
    expect(sent(answered)).toEqual(["Shipping takes 2–4 business days."]);
    expect(answered).toMatchObject({ port: "answered", variables: { faq_match: "shipping", faq_score: expect.any(Number) } });
    expect(faqNode.waits?.(data)).toBe(true);
  });

  it("leaves by no_match without sending anything when nothing is close enough", () => {
    const data = faqNode.data.parse({ entries });
    const result = faqNode.run(data, fakeRunContext({ message: { text: "Do you sell gift cards for dogs" } }));
    expect(result).toMatchObject({ outcome: "next", port: "no_match", variables: { faq_match: null, faq_question: "Do you sell gift cards for dogs" } });
    expect(sent(result)).toEqual([]);
    const photo = faqNode.run(data, fakeRunContext({ message: { media: { kind: "image" } } }));
    expect(photo).toMatchObject({ port: "no_match", note: "no question text to answer" });
  });

  it("a threshold of 1 only accepts the wording itself", () => {
    const strict = faqNode.data.parse({ entries, threshold: 1 });
    expect(faqNode.run(strict, fakeRunContext({ message: { text: "refund for a broken mug" } }))).toMatchObject({ port: "no_match" });
    expect(faqNode.run(strict, fakeRunContext({ message: { text: "Can I get a refund?" } }))).toMatchObject({ port: "answered" });
    const lenient = faqNode.data.parse({ entries, threshold: 0.3 });
    expect(faqNode.run(lenient, fakeRunContext({ message: { text: "refund for a broken mug" } }))).toMatchObject({ port: "answered", variables: { faq_match: "refunds" } });
  });

  it("reports no entries, empty answers and duplicate questions", () => {
    const codes = (input: unknown) => faqNode.diagnose?.(faqNode.data.parse(input), diagnoseCtx).map((d) => `${d.severity}:${d.code}`);
    expect(codes({ entries })).toEqual([]);
    expect(codes({})).toEqual(["error:no_faq_entries"]);
    expect(
      codes({
        entries: [
          { id: "a", question: "Opening hours?", answer: "9-6" },
          { id: "b", question: "ＯＰＥＮＩＮＧ  hours?", answer: " " },
          { id: "c", question: "", alternatives: [], answer: "{{vars.x" },
        ],
      }),
    ).toEqual(["error:empty_faq_answer", "warning:duplicate_faq_question", "error:empty_faq_question", "error:template_error"]);
  });
});

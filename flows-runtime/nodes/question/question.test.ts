import { describe, expect, it } from "vitest";
import type { Waiting } from "../../engine/session";
import { fakeRunContext, type FakeRunContextOptions } from "../../testing/fake-run-context";
import type { NodeResult } from "../define-node-kind";
import { questionNode } from "./question";

const diagnoseCtx = { nodeId: "q", knownFields: new Set<string>(), knownVariables: new Set<string>(), channels: [] as const };

function data(input: Record<string, unknown>) {
  return questionNode.data.parse(input);
}

function reply(d: ReturnType<typeof data>, waiting: Waiting, message: FakeRunContextOptions["message"], options: FakeRunContextOptions = {}) {
  return questionNode.resume!(d, fakeRunContext({ nodeId: "q", message, ...options }), waiting);
}

function sentTexts(result: NodeResult) {
  return (result.actions ?? []).flatMap((a) => (a.type === "send" ? [a.message.text] : []));
}

const WAITING: Waiting = { for: "input", nodeId: "q", attempts: 0 };

const sizes = data({
  prompt: "How big is your team, {{contact.first_name | default: \"there\"}}?",
  answerType: "choice",
  choices: [
    { id: "small", label: "1-10" },
    { id: "medium", label: "11-50", payload: "SIZE_MEDIUM" },
    { id: "large", label: "51+" },
  ],
  saveTo: { target: "field", key: "team_size" },
});

describe("question node: asking", () => {
  it("sends the rendered prompt with the choices and waits for input", () => {
    const result = questionNode.run(sizes, fakeRunContext({ nodeId: "q", contact: { fields: { first_name: "Aiko" } } }));
    expect(result).toMatchObject({ outcome: "wait", waiting: { for: "input", nodeId: "q", attempts: 0 } });
    expect(result.actions).toEqual([
      {
        type: "send",
        nodeId: "q",
        message: {
          text: "How big is your team, Aiko?",
          choices: [
            { id: "small", label: "1-10", payload: "small" },
            { id: "medium", label: "11-50", payload: "SIZE_MEDIUM" },
            { id: "large", label: "51+", payload: "large" },
          ],
        },
      },
    ]);
  });

  it("gives a yes/no question Yes and No buttons", () => {
    const result = questionNode.run(data({ prompt: "Anything else?", answerType: "yes_no" }), fakeRunContext());
    expect(result.actions?.[0]).toMatchObject({ message: { choices: [{ label: "Yes", payload: "yes" }, { label: "No", payload: "no" }] } });
  });

  it("schedules the timeout and remembers its key", () => {
    const d = data({ prompt: "Email?", answerType: "email", timeout: { amount: 2, unit: "hours" } });
    const now = Date.UTC(2026, 0, 1);
    const result = questionNode.run(d, fakeRunContext({ nodeId: "q", now }));
    expect(result.actions?.[1]).toEqual({ type: "schedule", nodeId: "q", key: "timeout-1", at: now + 2 * 3_600_000 });
    expect(result).toMatchObject({ waiting: { timerKey: "timeout-1" } });
    expect(questionNode.requiredPorts?.(d)).toEqual(["answered", "timeout"]);
    expect(questionNode.requiredPorts?.(data({ answerType: "email" }))).toEqual(["answered"]);
  });
});

describe("question node: answers", () => {
  it("matches a tapped button, a typed label, an SMS number and a full-width number", () => {
    const port = (message: FakeRunContextOptions["message"]) => {
      const result = reply(sizes, WAITING, message);
      return result.outcome === "next" ? result.port : result.outcome;
    };
    expect(port({ payload: "SIZE_MEDIUM" })).toBe("medium");
    expect(port({ text: "51+" })).toBe("large");
    expect(port({ text: "1" })).toBe("small");
    expect(port({ text: "２" })).toBe("medium");
    expect(port({ text: "maybe" })).toBe("wait");
  });

  it("saves a choice's label to the contact field and as a variable", () => {
    const result = reply(sizes, WAITING, { text: "2" });
    expect(result).toMatchObject({ outcome: "next", port: "medium", variables: { team_size: "11-50" } });
    expect(result.actions).toEqual([{ type: "set_field", nodeId: "q", field: "team_size", value: "11-50" }]);
  });

  it("parses typed answers by type and saves the parsed value", () => {
    const phone = data({ prompt: "Phone?", answerType: "phone", defaultCountry: "jp", saveTo: { target: "field", key: "phone" } });
    expect(reply(phone, WAITING, { text: "090-1234-5678" })).toMatchObject({ port: "answered", variables: { phone: "+819012345678" } });
    const size = data({ prompt: "Team size?", answerType: "number", min: 1, max: 10000, saveTo: { target: "variable", key: "size" } });
    const sized = reply(size, WAITING, { text: "１２０" });
    expect(sized).toMatchObject({ port: "answered", variables: { size: 120 } });
    expect(sized.actions).toEqual([]);
    const yes = data({ prompt: "OK?", answerType: "yes_no", saveTo: { key: "ok" } });
    expect(reply(yes, WAITING, { text: "はい" })).toMatchObject({ port: "answered", variables: { ok: true } });
    expect(reply(yes, WAITING, { payload: "no", text: "No" })).toMatchObject({ port: "answered", variables: { ok: false } });
  });

  it("re-asks with a hint from the parser, keeping the same timer, then gives up by invalid", () => {
    const d = data({ prompt: "When?", answerType: "date", maxAttempts: 2, timeout: { amount: 1, unit: "days" } });
    const waiting: Waiting = { for: "input", nodeId: "q", attempts: 0, timerKey: "timeout-1" };
    const first = reply(d, waiting, { text: "next week-ish" });
    expect(sentTexts(first)).toEqual(["Sorry, I didn't get that. Please send the date as YYYY-MM-DD, for example 2026-03-31."]);
    expect(first).toMatchObject({ outcome: "wait", waiting: { attempts: 1, timerKey: "timeout-1" } });
    if (first.outcome !== "wait") throw new Error("expected wait");
    const second = reply(d, first.waiting, { text: "soon" });
    expect(second).toMatchObject({ outcome: "next", port: "invalid", actions: [{ type: "cancel", key: "timeout-1" }] });
  });

  it("re-asks a choice question with the options again, in Japanese for a Japanese contact", () => {
    const result = reply(sizes, WAITING, { text: "わからない" }, { contact: { fields: { locale: "ja-JP" } } });
    expect(result.actions?.[0]).toMatchObject({
      type: "send",
      message: { text: "すみません、うまく読み取れませんでした。下の選択肢から選ぶか、番号で返信してください。", choices: [{ id: "small" }, { id: "medium" }, { id: "large" }] },
    });
  });

  it("uses the configured retry prompt as a template", () => {
    const d = data({ prompt: "Email?", answerType: "email", retryPrompt: "Hmm {{contact.first_name}}, that email looks wrong." });
    const result = reply(d, WAITING, { text: "not-an-email" }, { contact: { fields: { first_name: "Ken" } } });
    expect(sentTexts(result)).toEqual(["Hmm Ken, that email looks wrong."]);
  });

  it("treats a photo or a location sent to a text question as invalid with a helpful retry", () => {
    const d = data({ prompt: "Your name?", answerType: "text" });
    const photo = reply(d, WAITING, { media: { kind: "image", url: "https://x/y.jpg" } });
    expect(sentTexts(photo)).toEqual(["Sorry, I didn't get that. I can only read text here. Please type your answer."]);
    const place = reply(d, WAITING, { location: { latitude: 35.68, longitude: 139.76 } });
    expect(place).toMatchObject({ outcome: "wait", waiting: { attempts: 1 }, note: expect.stringContaining("location") });
  });

  it("leaves by timeout on its own timer and ignores anything else", () => {
    const d = data({ prompt: "Email?", answerType: "email", timeout: { amount: 30, unit: "minutes" } });
    const waiting: Waiting = { for: "input", nodeId: "q", attempts: 1, timerKey: "timeout-1" };
    expect(reply(d, waiting, undefined, { event: { type: "timer", key: "timeout-1" } })).toMatchObject({ outcome: "next", port: "timeout", note: "no answer within 30 minutes" });
    expect(reply(d, waiting, undefined, { event: { type: "timer", key: "timeout-9" } })).toEqual({ outcome: "wait", waiting });
    expect(reply(d, waiting, { text: "a@b.co" })).toMatchObject({ port: "answered", actions: [{ type: "cancel", key: "timeout-1" }] });
  });
});

describe("question node: checks", () => {
  const codes = (input: Record<string, unknown>) => questionNode.diagnose?.(data(input), diagnoseCtx).map((d) => [d.code, d.port]);

  it("reports a choice question without choices, min > max, bad templates and reserved ids", () => {
    expect(codes({ answerType: "choice" })).toEqual([["no_choices", undefined]]);
    expect(codes({ answerType: "number", min: 10, max: 1 })).toEqual([["invalid_range", undefined]]);
    expect(codes({ prompt: "Hi {{contact.first_name", retryPrompt: "{{vars.}}" })).toEqual([
      ["template_error", undefined],
      ["template_error", undefined],
    ]);
    expect(codes({ answerType: "choice", choices: [{ id: "invalid", label: "Nope" }] })).toEqual([["duplicate_choice_id", "invalid"]]);
  });

  it("has one port per choice, and describes what it sends and writes", () => {
    expect(questionNode.ports(sizes)).toEqual(["small", "medium", "large", "invalid", "timeout"]);
    expect(questionNode.ports(data({ answerType: "date" }))).toEqual(["answered", "invalid", "timeout"]);
    expect(questionNode.references?.(sizes)).toEqual({ templates: [sizes.prompt], writesVariables: ["team_size"], writesFields: ["team_size"] });
    expect(questionNode.messages?.(sizes)[0]?.choices).toHaveLength(3);
  });
});

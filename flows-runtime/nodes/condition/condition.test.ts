import { describe, expect, it } from "vitest";
import { fakeRunContext, type FakeRunContextOptions } from "../../testing/fake-run-context";
import { conditionNode } from "./condition";

const diagnoseCtx = { nodeId: "cond-1", knownFields: new Set<string>(), knownVariables: new Set<string>(), channels: [] as const };

function portFor(rules: unknown, options: FakeRunContextOptions = {}) {
  const result = conditionNode.run(conditionNode.data.parse({ rules }), fakeRunContext(options));
  return result.outcome === "next" ? result.port : result.outcome;
}

function oneClause(clause: unknown) {
  return [{ id: "yes", label: "Yes", all: [clause] }];
}

describe("condition node", () => {
  it("has one port per rule plus else", () => {
    const data = conditionNode.data.parse({ rules: [{ id: "vip", all: [] }, { id: "jp", all: [] }] });
    expect(conditionNode.ports(data)).toEqual(["vip", "jp", "else"]);
    expect(conditionNode.requiredPorts?.(data)).toEqual(["vip", "jp"]);
  });

  it("takes the first rule whose clauses all match, in order", () => {
    const rules = [
      { id: "vip-jp", label: "VIP in Japan", all: [{ subject: { kind: "tag" }, operator: "has_tag", value: "vip" }, { subject: { kind: "field", key: "country" }, operator: "equals", value: "JP" }] },
      { id: "vip", label: "VIP", all: [{ operator: "has_tag", value: "VIP" }] },
    ];
    expect(portFor(rules, { contact: { tags: ["vip"], fields: { country: "jp" } } })).toBe("vip-jp");
    expect(portFor(rules, { contact: { tags: ["vip"], fields: { country: "US" } } })).toBe("vip");
    expect(portFor(rules, { contact: { tags: [], fields: { country: "JP" } } })).toBe("else");
  });

  it("compares text after NFKC, case and space normalisation", () => {
    const rule = oneClause({ subject: { kind: "last_message" }, operator: "contains", value: "price" });
    expect(portFor(rule, { message: { text: "What's the ＰＲＩＣＥ?" } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "last_message" }, operator: "equals", value: "ｶﾀｶﾅ" }), { message: { text: "カタカナ" } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "last_message" }, operator: "starts_with", value: "料金" }), { message: { text: "料金について" } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "last_message" }, operator: "not_contains", value: "price" }), { message: { text: "hello" } })).toBe("yes");
  });

  it("compares numbers numerically when both sides are numbers, including full-width digits", () => {
    const over = oneClause({ subject: { kind: "field", key: "company_size" }, operator: "greater_than", value: "50" });
    expect(portFor(over, { contact: { fields: { company_size: 120 } } })).toBe("yes");
    // As text "9" > "50"; numerically it is not.
    expect(portFor(over, { contact: { fields: { company_size: "9" } } })).toBe("else");
    expect(portFor(over, { contact: { fields: { company_size: "１,２００" } } })).toBe("yes");
    expect(portFor(over, { contact: { fields: { company_size: "lots" } } })).toBe("else");
    const equals = oneClause({ subject: { kind: "variable", key: "n" }, operator: "equals", value: "10" });
    expect(portFor(equals, { variables: { n: "10.0" } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "variable", key: "d" }, operator: "less_than", value: "2026-04-01" }), { variables: { d: "2026-03-31" } })).toBe("yes");
  });

  it("handles is_set, tags, channel, in and regex", () => {
    expect(portFor(oneClause({ subject: { kind: "field", key: "email" }, operator: "is_set" }), { contact: { fields: { email: "a@b.co" } } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "field", key: "email" }, operator: "is_set" }), { contact: { fields: { email: "  " } } })).toBe("else");
    expect(portFor(oneClause({ subject: { kind: "variable", key: "x" }, operator: "is_not_set" }))).toBe("yes");
    expect(portFor(oneClause({ operator: "not_has_tag", value: "vip" }), { contact: { tags: ["new"] } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "tag" }, operator: "is_set" }), { contact: { tags: [] } })).toBe("else");
    expect(portFor(oneClause({ subject: { kind: "channel" }, operator: "in", value: ["line", "whatsapp"] }), { contact: { channel: "line" } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "channel" }, operator: "in", value: ["line", "whatsapp"] }), { contact: { channel: "sms" } })).toBe("else");
    expect(portFor(oneClause({ subject: { kind: "last_message" }, operator: "matches_regex", value: "^order\\s*#?\\d+$" }), { message: { text: "ORDER #１２３" } })).toBe("yes");
    expect(portFor(oneClause({ subject: { kind: "variable", key: "anything_else" }, operator: "equals", value: "true" }), { variables: { anything_else: true } })).toBe("yes");
  });

  it("never matches a rule with no clauses at run time", () => {
    expect(portFor([{ id: "empty", all: [] }])).toBe("else");
  });

  it("reports invalid regexes, empty rules, duplicate labels and ids on the rule's port", () => {
    const data = conditionNode.data.parse({
      rules: [
        { id: "a", label: "Pricing", all: [{ subject: { kind: "last_message" }, operator: "matches_regex", value: "(price" }] },
        { id: "b", label: " pricing ", all: [] },
        { id: "else", label: "Other", all: [{ subject: { kind: "field", key: "" }, operator: "greater_than", value: "big" }] },
      ],
    });
    const found = conditionNode.diagnose?.(data, diagnoseCtx).map((d) => [d.code, d.severity, d.port]);
    expect(found).toEqual([
      ["invalid_regex", "error", "a"],
      ["duplicate_rule_label", "warning", "b"],
      ["empty_rule", "error", "b"],
      ["duplicate_rule_id", "error", "else"],
      ["missing_key", "error", "else"],
      ["not_a_number", "error", "else"],
    ]);
  });

  it("reports the fields and variables it reads", () => {
    const data = conditionNode.data.parse({
      rules: [{ id: "r", all: [{ subject: { kind: "field", key: "plan" }, operator: "equals", value: "pro" }, { subject: { kind: "variable", key: "score" }, operator: "is_set" }] }],
    });
    expect(conditionNode.references?.(data)).toEqual({ readsFields: ["plan"], readsVariables: ["score"] });
  });
});

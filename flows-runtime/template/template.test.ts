import fc from "fast-check";
import { describe, it, expect } from "vitest";
import { parseTemplate, renderTemplate, templateScopeFor, type TemplateScope } from "./template";

const scope: TemplateScope = {
  contact: {
    first_name: "Yuki",
    last_name: "Tanaka",
    email: "yuki@example.jp",
    loyalty_points: 1200,
    vip: true,
    tags: ["vip", "newsletter"],
    empty: "",
    shoe_size: 0,
  },
  vars: {
    budget: 5000,
    order: { id: "A-17", items: [{ sku: "x1" }], lines: ["tea", "cups"] },
    answer: null,
    profile: { city: "Osaka" },
  },
  channel: "line",
};

describe("renderTemplate", () => {
  it("fills contact fields, variables and the channel", () => {
    expect(renderTemplate("Hello {{contact.first_name}}!", scope)).toBe("Hello Yuki!");
    expect(renderTemplate("こんにちは、{{contact.last_name}}さん", scope)).toBe("こんにちは、Tanakaさん");
    expect(renderTemplate("Budget: {{vars.budget}} yen", scope)).toBe("Budget: 5000 yen");
    expect(renderTemplate("Order {{ vars.order.id }} via {{channel}}", scope)).toBe("Order A-17 via line");
    expect(renderTemplate("{{contact.first_name}} {{contact.last_name}}", scope)).toBe("Yuki Tanaka");
  });

  it("renders numbers, booleans, zero, lists and objects sensibly", () => {
    expect(renderTemplate("{{contact.loyalty_points}}", scope)).toBe("1200");
    expect(renderTemplate("{{contact.vip}}", scope)).toBe("true");
    expect(renderTemplate("{{contact.shoe_size}}", scope)).toBe("0");
    expect(renderTemplate("Tags: {{contact.tags}}", scope)).toBe("Tags: vip, newsletter");
    expect(renderTemplate("{{vars.order.lines}}", scope)).toBe("tea, cups");
    expect(renderTemplate("{{vars.profile}}", scope)).toBe('{"city":"Osaka"}');
    expect(renderTemplate("{{vars.order.items}}", scope)).toBe('[{"sku":"x1"}]');
    expect(renderTemplate("{{vars.order.items.0.sku}}", scope)).toBe("x1");
  });

  it("renders a missing value as empty text, or the default filter's value", () => {
    expect(renderTemplate("Hi {{contact.nickname}}!", scope)).toBe("Hi !");
    expect(renderTemplate('Hi {{ contact.nickname | default: "there" }}!', scope)).toBe("Hi there!");
    expect(renderTemplate("Hi {{ contact.empty | default: 'friend' }}", scope)).toBe("Hi friend");
    expect(renderTemplate('{{ vars.answer | default: "未回答" }}', scope)).toBe("未回答");
    expect(renderTemplate('Hi {{ contact.first_name | default: "there" }}', scope)).toBe("Hi Yuki");
    // 0 and false are values, not "missing".
    expect(renderTemplate('{{ contact.shoe_size | default: "?" }}', scope)).toBe("0");
    expect(renderTemplate("{{vars.order.missing.deeper}}", scope)).toBe("");
  });

  it("applies upcase, downcase and capitalize, chained left to right", () => {
    expect(renderTemplate("{{contact.first_name | upcase}}", scope)).toBe("YUKI");
    expect(renderTemplate("{{contact.email|downcase}}", scope)).toBe("yuki@example.jp");
    expect(renderTemplate("{{ vars.name | capitalize }}", { ...scope, vars: { name: "mARY" } })).toBe("Mary");
    expect(renderTemplate('{{ contact.nickname | default: "there" | upcase }}', scope)).toBe("THERE");
    expect(renderTemplate('{{ contact.nickname | upcase | default: "there" }}', scope)).toBe("there");
  });

  it("keeps quotes, pipes and braces inside a default value", () => {
    expect(renderTemplate('{{ contact.nickname | default: "a | b }} c" }}', scope)).toBe("a | b }} c");
    expect(renderTemplate('{{ contact.nickname | default: "say \\"hi\\"" }}', scope)).toBe('say "hi"');
  });

  it("never reaches the prototype chain or anything outside the scope", () => {
    expect(renderTemplate("{{contact.toString}}", scope)).toBe("");
    expect(renderTemplate("{{contact.hasOwnProperty}}", scope)).toBe("");
    expect(renderTemplate("{{vars.order.id.length}}", scope)).toBe("");
    // A forbidden segment makes the template invalid, so it is sent as written.
    expect(renderTemplate("{{contact.__proto__}}", scope)).toBe("{{contact.__proto__}}");
    expect(renderTemplate("{{vars.constructor.name}}", scope)).toBe("{{vars.constructor.name}}");
  });

  it("renders an invalid template as its source and never throws", () => {
    expect(renderTemplate("Hello {{contact.first_name", scope)).toBe("Hello {{contact.first_name");
    expect(renderTemplate("{{user.name}}", scope)).toBe("{{user.name}}");
    expect(renderTemplate("{{contact.first_name | upper}}", scope)).toBe("{{contact.first_name | upper}}");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(renderTemplate("[{{vars.c}}]", { ...scope, vars: { c: cyclic } })).toBe("[]");
  });

  it("gives the same result from the cache with a different scope", () => {
    const template = "Hi {{contact.first_name}}";
    expect(renderTemplate(template, scope)).toBe("Hi Yuki");
    expect(renderTemplate(template, { ...scope, contact: { first_name: "Ken" } })).toBe("Hi Ken");
  });

  it("leaves text without variables, and stray closing braces, untouched", () => {
    expect(renderTemplate("No variables here }}", scope)).toBe("No variables here }}");
    expect(renderTemplate("", scope)).toBe("");
  });
});

describe("parseTemplate", () => {
  it("lists each referenced contact field and variable once, by first path segment", () => {
    const result = parseTemplate(
      'Hi {{contact.first_name}}, order {{vars.order.id}} ({{vars.order.total}}) on {{channel}} {{ contact.first_name | default: "x" }}',
    );
    expect(result).toEqual({
      ok: true,
      references: [
        { root: "contact", key: "first_name" },
        { root: "vars", key: "order" },
        { root: "channel", key: "" },
      ],
    });
    expect(parseTemplate("plain text")).toEqual({ ok: true, references: [] });
    expect(parseTemplate("{{ contact.メール }}")).toEqual({ ok: true, references: [{ root: "contact", key: "メール" }] });
  });

  it("reports an unclosed {{ with its position", () => {
    expect(parseTemplate("Hello {{contact.first_name")).toEqual({
      ok: false,
      message: expect.stringContaining("Unclosed {{ at position 7"),
      index: 6,
    });
    const nested = parseTemplate("{{contact.a and {{contact.b}}");
    expect(nested).toMatchObject({ ok: false, index: 0 });
    if (!nested.ok) expect(nested.message).toMatch(/Unclosed \{\{ at position 1/);
  });

  it("reports unknown filters and roots in words a marketer understands", () => {
    const filter = parseTemplate("Hi {{ contact.first_name | upper }}");
    expect(filter).toMatchObject({ ok: false, index: 27 });
    if (!filter.ok) expect(filter.message).toBe("Unknown filter 'upper' (use upcase, downcase, capitalize or default)");

    const root = parseTemplate("Hi {{user.name}}");
    expect(root).toMatchObject({ ok: false, index: 5 });
    if (!root.ok) expect(root.message).toMatch(/^Unknown variable root 'user': use contact\.… or vars\.…/);
  });

  it("rejects malformed expressions", () => {
    const bad = [
      "{{}}",
      "{{   }}",
      "{{contact}}",
      "{{vars}}",
      "{{channel.name}}",
      "{{contact.}}",
      "{{contact.first name}}",
      "{{contact.a | default}}",
      "{{contact.a | default: there}}",
      '{{contact.a | default: "there}}',
      '{{contact.a | upcase: "x"}}',
      "{{contact.a |}}",
      "{{contact.__proto__.x}}",
      "{{vars.x.prototype}}",
      "{{vars.constructor}}",
    ];
    for (const source of bad) {
      const result = parseTemplate(source);
      expect(result.ok, source).toBe(false);
      if (!result.ok) {
        expect(result.message.length, source).toBeGreaterThan(10);
        expect(result.index, source).toBeGreaterThanOrEqual(0);
        expect(result.index, source).toBeLessThan(source.length);
      }
    }
  });

  it("explains the fix for a missing default value", () => {
    const result = parseTemplate("{{contact.a | default: there}}");
    if (result.ok) throw new Error("expected failure");
    expect(result.message).toContain('default: "there"');
  });
});

describe("robustness", () => {
  it("parseTemplate and renderTemplate never throw, and valid plain text renders unchanged", () => {
    const piece = fc.constantFrom("{{", "}}", "contact.", "vars.", "first_name", "|", " default: ", '"', "upcase", " ", "x", "営業");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (parts) => {
        const source = parts.join("");
        const parsed = parseTemplate(source);
        const rendered = renderTemplate(source, scope);
        if (!parsed.ok) expect(rendered).toBe(source);
        if (!source.includes("{{")) expect(rendered).toBe(source);
      }),
      { numRuns: 500 },
    );
  });
});

describe("templateScopeFor", () => {
  it("exposes contact fields, tags and the contact's channel to templates", () => {
    const contactScope = templateScopeFor(
      { id: "c1", fields: { first_name: "Aiko", tags: "ignored" }, tags: ["vip", "東京"], channel: "line" },
      { budget: 3000 },
    );
    expect(renderTemplate("{{contact.first_name}} [{{contact.tags}}] {{vars.budget}} {{channel}}", contactScope)).toBe(
      "Aiko [vip, 東京] 3000 line",
    );
  });
});

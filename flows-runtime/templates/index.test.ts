import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import { starterTemplates } from "./index";

describe("starter templates", () => {
  it("have unique ids matching their documents", () => {
    const ids = starterTemplates.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(["onboarding-survey", "greeting-away", "tagging-rules", "lead-capture", "faq-bot"]);
    for (const template of starterTemplates) expect(template.build().id).toBe(template.id);
  });

  it.each(starterTemplates.map((template) => [template.id, template] as const))("%s compiles without errors", (_id, template) => {
    const { graph, diagnostics } = compile(template.build());
    expect(graph).not.toBeNull();
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The only warnings allowed are channel facts a marketer should know about (SMS segments for
    // Japanese text, no quick replies on desktop Instagram / LINE), never a problem in the flow itself.
    expect(diagnostics.filter((d) => d.code !== "channel_limit")).toEqual([]);
  });

  it("builds a fresh document each time, so editing one copy never changes the template", () => {
    const template = starterTemplates[0]!;
    const first = template.build();
    first.nodes = {};
    expect(Object.keys(template.build().nodes).length).toBeGreaterThan(0);
  });
});

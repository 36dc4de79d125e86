import { describe, expect, it } from "vitest";
import { editorDocumentSchema } from "@/flows-runtime";
import { variableOptions } from "./variable-options";

describe("variableOptions", () => {
  it("offers contact fields, custom fields and every variable the flow declares or writes", () => {
    const document = editorDocumentSchema.parse({
      schemaVersion: 1,
      id: "f",
      fields: ["company"],
      variables: [{ key: "budget", label: "Budget" }],
      nodes: {
        q: { id: "q", kind: "question", data: { saveTo: { target: "field", key: "plan" } } },
        h: { id: "h", kind: "http_request", data: { url: "https://x", responseMapping: [{ variable: "order", path: "data.id" }] } },
        broken: { id: "broken", kind: "wait", data: { amount: "soon" } },
      },
    });
    const tokens = variableOptions(document).map((option) => option.token);
    expect(tokens.slice(0, 4)).toEqual(["contact.first_name", "contact.last_name", "contact.email", "contact.phone"]);
    expect(tokens).toContain("contact.company");
    expect(tokens).toContain("contact.plan");
    expect(tokens).toContain("vars.budget");
    expect(tokens).toContain("vars.plan");
    expect(tokens).toContain("vars.order");
    expect(tokens).toContain("vars.http_status");
  });
});

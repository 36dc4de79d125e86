import { describe, expect, it } from "vitest";
import { describeImportError } from "./describe-import-error";

describe("describeImportError", () => {
  it("lists each schema problem by its path", () => {
    const issues = [
      { code: "invalid_type", expected: "record", path: ["nodes"], message: "Invalid input: expected record, received undefined" },
      { code: "invalid_type", expected: "number", path: ["nodes", "a", "position", "x"], message: "Invalid input: expected number, received string" },
      { code: "invalid_type", expected: "nonoptional", path: ["nodes", "a", "data"], message: "Invalid input: expected nonoptional, received undefined" },
    ];
    const described = describeImportError(`This is not a valid Kaiwa flow: ${JSON.stringify(issues, null, 2)}`);
    expect(described.headline).toBe("This is not a valid Kaiwa flow:");
    expect(described.details).toEqual([
      "nodes: missing (expected record)",
      "nodes.a.position.x: expected number, received string",
      "nodes.a.data: missing",
    ]);
  });

  it("keeps a plain message as it is", () => {
    const message = "The file is not valid JSON: Unexpected token 'x', \"x\" is not valid JSON";
    expect(describeImportError(message)).toEqual({ headline: message, details: [] });
  });
});

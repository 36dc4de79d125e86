import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@/flows-runtime";
import { problemSummary, sortDiagnostics } from "./problem-summary";

const warning = (code: string): Diagnostic => ({ code, severity: "warning", message: code });
const error = (code: string): Diagnostic => ({ code, severity: "error", message: code });

describe("problems panel summary", () => {
  it("counts errors and warnings", () => {
    expect(problemSummary([error("a"), warning("b"), error("c")])).toBe("2 errors, 1 warning");
    expect(problemSummary([warning("b")])).toBe("1 warning");
    expect(problemSummary([])).toBe("No problems");
  });

  it("lists errors first, otherwise in the compiler's order", () => {
    expect(sortDiagnostics([warning("w1"), error("e1"), warning("w2"), error("e2")]).map((d) => d.code)).toEqual(["e1", "e2", "w1", "w2"]);
  });
});

import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostic";
import { DiagnosticList } from "./diagnostic-list";

const warning = (nodeId: string | undefined, message: string, port?: string): Diagnostic => ({
  code: "channel_limit",
  severity: "warning",
  ...(nodeId === undefined ? {} : { nodeId }),
  ...(port === undefined ? {} : { port }),
  message,
});

describe("DiagnosticList", () => {
  it("keeps the first of identical diagnostics, on few and on many per node, and sorts them", () => {
    const list = new DiagnosticList();
    for (let i = 40; i >= 0; i--) list.add(warning("n", `m${i % 20}`));
    list.add({ ...warning("n", "m3"), severity: "error" });
    list.add(warning(undefined, "document"));
    list.add(warning("", "document"));
    list.add(warning("n", "m3", "yes"));
    const sorted = list.sorted();
    expect(sorted.map((d) => [d.nodeId ?? "", d.port ?? "", d.message])).toEqual([
      ["", "", "document"],
      ...Array.from({ length: 20 }, (_, i) => ["n", "", `m${i}`]).sort((a, b) => (a[2]! < b[2]! ? -1 : 1)),
      ["n", "yes", "m3"],
    ]);
    expect(sorted.find((d) => d.message === "m3" && d.port === undefined)?.severity).toBe("warning");
  });

  it("remembers what a node's own diagnose() reported, unless it was already there", () => {
    const list = new DiagnosticList();
    list.add(warning("a", "first"));
    list.add(warning("a", "first"), true);
    list.add({ ...warning("b", "x"), code: "template_error" }, true);
    expect(list.nodeReported("a", "channel_limit")).toBe(false);
    expect(list.nodeReported("b", "template_error")).toBe(true);
    expect(list.nodeReported("b", "channel_limit")).toBe(false);
  });
});

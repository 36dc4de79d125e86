import { describe, expect, it } from "vitest";
import { countSmsSegments } from "./count-sms-segments";

describe("countSmsSegments", () => {
  it("fits 160 GSM-7 characters in one segment and 153 per segment after that", () => {
    expect(countSmsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1 });
    expect(countSmsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", segments: 2 });
    expect(countSmsSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", segments: 2 });
    expect(countSmsSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", segments: 3 });
  });

  it("counts extension characters such as € twice and never splits their escape", () => {
    expect(countSmsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", segments: 1 });
    expect(countSmsSegments("€".repeat(81))).toEqual({ encoding: "GSM-7", segments: 2 });
    // 76 × 2 = 152 septets fill a concatenated segment; a 77th escape pair cannot straddle two.
    expect(countSmsSegments("€".repeat(153))).toEqual({ encoding: "GSM-7", segments: 3 });
    expect(countSmsSegments("Café ñ à £5 @home").encoding).toBe("GSM-7");
  });

  it("switches the whole message to UCS-2 for Japanese: 70 a segment, 67 when concatenated", () => {
    expect(countSmsSegments("あ".repeat(70))).toEqual({ encoding: "UCS-2", segments: 1 });
    expect(countSmsSegments("あ".repeat(71))).toEqual({ encoding: "UCS-2", segments: 2 });
    expect(countSmsSegments("あ".repeat(134))).toEqual({ encoding: "UCS-2", segments: 2 });
    expect(countSmsSegments("あ".repeat(135))).toEqual({ encoding: "UCS-2", segments: 3 });
    expect(countSmsSegments(`${"a".repeat(100)}é`).encoding).toBe("GSM-7");
    expect(countSmsSegments(`${"a".repeat(100)}ā`)).toEqual({ encoding: "UCS-2", segments: 2 });
  });

  it("counts an emoji as two UCS-2 units and keeps its surrogate pair in one segment", () => {
    expect(countSmsSegments("😀".repeat(35))).toEqual({ encoding: "UCS-2", segments: 1 });
    expect(countSmsSegments("😀".repeat(36))).toEqual({ encoding: "UCS-2", segments: 2 });
    // 33 emoji use 66 of 67 units; the 34th cannot be split, so 67 emoji need 3 segments, not 2.
    expect(countSmsSegments("😀".repeat(67))).toEqual({ encoding: "UCS-2", segments: 3 });
    expect(countSmsSegments("Hi 👍")).toEqual({ encoding: "UCS-2", segments: 1 });
  });

  it("reports no segments for empty text", () => {
    expect(countSmsSegments("")).toEqual({ encoding: "GSM-7", segments: 0 });
  });
});

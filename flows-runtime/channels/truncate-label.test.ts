import { describe, expect, it } from "vitest";
import { family, familyLabel, longEnglish, longJapanese } from "./render-fixtures";
import { truncateLabel } from "./truncate-label";

describe("truncateLabel", () => {
  it("leaves a label that fits alone", () => {
    expect(truncateLabel("Yes", 20, "graphemes")).toBe("Yes");
    expect(truncateLabel("x".repeat(20), 20, "utf16")).toBe("x".repeat(20));
  });

  it("cuts English and Japanese to the limit with an ellipsis", () => {
    expect(truncateLabel(longEnglish, 20, "graphemes")).toBe("Appointment for Mon…");
    expect(truncateLabel(longJapanese, 20, "graphemes")).toBe("月曜日の午前中のご予約をご希望の方はこ…");
  });

  it("drops the trailing space before the ellipsis", () => {
    expect(truncateLabel("Book a table now please", 8, "graphemes")).toBe("Book a…");
  });

  it("counts a ZWJ family as one grapheme, seven code points or eleven UTF-16 units, and never splits it", () => {
    expect(truncateLabel(familyLabel, 20, "graphemes")).toBe(`${family} Family plan for a…`);
    expect(truncateLabel(familyLabel, 20, "codepoints")).toBe(`${family} Family plan…`);
    expect(truncateLabel(familyLabel, 20, "utf16")).toBe(`${family} Family…`);
    expect(truncateLabel(family.repeat(4), 20, "codepoints")).toBe(`${family}${family}…`);
    expect(truncateLabel(family.repeat(2), 10, "utf16")).toBe("…");
  });

  it("counts bytes for byte limits (Japanese is 3 bytes a character, the ellipsis too)", () => {
    const cut = truncateLabel("ありがとうございます", 10, "bytes");
    expect(cut).toBe("あり…");
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(10);
  });
});

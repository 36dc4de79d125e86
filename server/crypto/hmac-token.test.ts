import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacToken, verifyHmacToken } from "./hmac-token";

describe("hmac tokens", () => {
  const key = randomBytes(32);

  it("verifies a token for its value and purpose only", () => {
    const token = hmacToken("channel:v_1", "webchat-visitor", key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyHmacToken("channel:v_1", "webchat-visitor", token, key)).toBe(true);
    expect(verifyHmacToken("channel:v_2", "webchat-visitor", token, key)).toBe(false);
    expect(verifyHmacToken("channel:v_1", "another-purpose", token, key)).toBe(false);
    expect(verifyHmacToken("channel:v_1", "webchat-visitor", token, randomBytes(32))).toBe(false);
  });

  it("refuses tokens of the wrong length or shape without throwing", () => {
    expect(verifyHmacToken("v", "p", "", key)).toBe(false);
    expect(verifyHmacToken("v", "p", "x".repeat(500), key)).toBe(false);
    expect(verifyHmacToken("v", "p", "é".repeat(43), key)).toBe(false);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips a secret and never stores the plaintext", () => {
    const sealed = encryptSecret("EAAG-page-token-日本", key);
    expect(sealed).not.toContain("EAAG");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed, key)).toBe("EAAG-page-token-日本");
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered value or the wrong key", () => {
    const sealed = encryptSecret("secret", key);
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 3), Buffer.from("other!").toString("base64url")].join(".");
    expect(() => decryptSecret(tampered, key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    expect(() => decryptSecret("plain text", key)).toThrow(/not a sealed secret/);
  });
});

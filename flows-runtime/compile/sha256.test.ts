import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";

describe("sha256Hex", () => {
  // FIPS 180-2 examples, padding boundaries (55/56/64 bytes) and multi-byte UTF-8.
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["こんにちは、世界 🌸", "3d877eba6cdcaf6f104ae5de16bd28af963e5ed9f099fb845a9c3564638dc9a5"],
    ["a".repeat(55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"],
    ["a".repeat(56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"],
    ["a".repeat(64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"],
  ])("hashes %j", (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  // "é" is two UTF-8 bytes: byte lengths around one and two blocks, whole and partial tails (node:crypto).
  it.each([
    [63, "1d8626a0ca181ec0f28f08e46429a275d9bf76f2ce021b087362d6314532cb33"],
    [65, "7a94a0643f1cfdce33acd52552609bd01cd37ef47c7b955a566393919ce30c44"],
    [119, "55f373d4f870f952001ac00dfbb8180af1dbd4e00f37759c619e6c09d7441245"],
    [120, "f989aaf52260aef87908350aa746652652166f9013d42e9149d924b4b8be014f"],
    [127, "413855948bf4efd189228b8c8e5e94cce1e5c05e22303a10271c26a5d456f414"],
    [128, "845836d7e680de9961df321148f8cb5e8a7da92aba65f5b05b817c3b58256bd5"],
    [1000, "8b671e21c36a4d798b1f027ddf9b611a373ce10ff7f19a43ee8cd014721e5d98"],
  ])("hashes %i bytes of UTF-8", (bytes, expected) => {
    expect(sha256Hex("é".repeat(bytes >> 1) + "a".repeat(bytes & 1))).toBe(expected);
  });

  it("hashes a million 'a's (multi-block)", () => {
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes bytes the same as the string they encode", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(sha256Hex("abc"));
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined like JSON.stringify", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
  });

  it("gives the same text whatever order keys were written in", () => {
    expect(canonicalJson({ x: 1, y: [1, 2], z: null })).toBe(canonicalJson({ z: null, y: [1, 2], x: 1 }));
  });

  it("keeps array order and turns non-finite numbers into null", () => {
    expect(canonicalJson([2, 1, Number.NaN, undefined])).toBe("[2,1,null,null]");
  });
});

import { describe, expect, it } from "vitest";
import { qrPng, qrSvg } from "./qr-image";

describe("QR images", () => {
  it("PNG starts with the PNG signature; SVG is an svg document with the QR's path", async () => {
    const png = await qrPng("https://t.me/kaiwa_shop_bot?start=poster");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(1000);
    const svg = await qrSvg("https://wa.me/819012345678?text=%E3%81%93%20ref%3Aposter");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
    expect(svg).toMatch(/<path[^>]+d="M/);
  });
});

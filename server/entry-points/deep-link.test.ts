import { describe, expect, it } from "vitest";
import { textRef } from "../channels/whatsapp/text-ref";
import { deepLink, textWithRef } from "./deep-link";
import { refProblem } from "./ref-rules";

const refConfig = { refPrefix: "ref:", entryTexts: {} };

describe("deep links per channel", () => {
  it("WhatsApp: wa.me with the digits of the number and a prefilled text the adapter reads the ref from", () => {
    const link = deepLink({ channelType: "whatsapp", ref: "poster_1", target: "+81 90-1234-5678", prefilledText: "ポスターを見ました！", refConfig });
    expect(link).toEqual({
      ok: true,
      url: "https://wa.me/819012345678?text=%E3%83%9D%E3%82%B9%E3%82%BF%E3%83%BC%E3%82%92%E8%A6%8B%E3%81%BE%E3%81%97%E3%81%9F%EF%BC%81%20ref%3Aposter_1",
      text: "ポスターを見ました！ ref:poster_1",
    });
    if (!link.ok) return;
    const sent = new URL(link.url).searchParams.get("text")!;
    expect(textRef(sent, refConfig)?.ref).toBe("poster_1");
  });

  it("WhatsApp: uses the channel's own ref prefix, keeps a text that already carries the ref, refuses an empty prefix", () => {
    expect(textWithRef("Hi", "summer24", { refPrefix: "code=", entryTexts: {} })).toEqual({ ok: true, text: "Hi code=summer24" });
    expect(textWithRef("Hello ref:summer24 please", "summer24", refConfig)).toEqual({ ok: true, text: "Hello ref:summer24 please" });
    expect(textWithRef("I saw the summer ad", "summer24", { refPrefix: "ref:", entryTexts: { "I saw the summer ad": "summer24" } })).toEqual({
      ok: true,
      text: "I saw the summer ad",
    });
    expect(textWithRef("Hi", "summer24", { refPrefix: "", entryTexts: {} }).ok).toBe(false);
    expect(deepLink({ channelType: "whatsapp", ref: "a", target: null, refConfig })).toMatchObject({ ok: false, error: expect.stringMatching(/WhatsApp phone number/) });
  });

  it("Messenger, Instagram, Telegram, Viber: the ref in the platform's own parameter", () => {
    expect(deepLink({ channelType: "messenger", ref: "spring.sale", target: "kaiwa.shop" })).toEqual({ ok: true, url: "https://m.me/kaiwa.shop?ref=spring.sale" });
    expect(deepLink({ channelType: "messenger", ref: "a=b+c", target: "1234567890" })).toEqual({ ok: true, url: "https://m.me/1234567890?ref=a%3Db%2Bc" });
    expect(deepLink({ channelType: "instagram", ref: "bio", target: "@kaiwa.shop" })).toEqual({ ok: true, url: "https://ig.me/m/kaiwa.shop?ref=bio" });
    expect(deepLink({ channelType: "telegram", ref: "poster-2024_A", target: "@kaiwa_shop_bot" })).toEqual({ ok: true, url: "https://t.me/kaiwa_shop_bot?start=poster-2024_A" });
    expect(deepLink({ channelType: "viber", ref: "flyer", target: "kaiwashop" })).toEqual({ ok: true, url: "viber://pa?chatURI=kaiwashop&context=flyer" });
  });

  it("LINE: the add-friend link with no parameter, and says so", () => {
    const link = deepLink({ channelType: "line", ref: "store", target: "@123abcde" });
    expect(link).toMatchObject({ ok: true, url: "https://line.me/R/ti/p/%40123abcde" });
    expect(link.ok && link.note).toMatch(/no parameter.*follow/);
    expect(deepLink({ channelType: "line", ref: "store", target: "123abcde" })).toMatchObject({ url: "https://line.me/R/ti/p/%40123abcde" });
  });

  it("WeChat: the URL WeChat returned for the scene; SMS: sms: with the ref in the body; web chat: ?kaiwa_ref=", () => {
    expect(deepLink({ channelType: "wechat", ref: "expo", target: null, qrUrl: "http://weixin.qq.com/q/02abc" })).toMatchObject({ ok: true, url: "http://weixin.qq.com/q/02abc" });
    expect(deepLink({ channelType: "wechat", ref: "expo", target: null }).ok).toBe(false);
    expect(deepLink({ channelType: "sms", ref: "flyer", target: "+1 415 555 0100", prefilledText: "予約したい" })).toEqual({
      ok: true,
      url: "sms:+14155550100?body=%E4%BA%88%E7%B4%84%E3%81%97%E3%81%9F%E3%81%84%20ref%3Aflyer",
      text: "予約したい ref:flyer",
    });
    expect(deepLink({ channelType: "webchat", ref: "pricing", target: "https://example.com/contact?lang=ja" })).toEqual({
      ok: true,
      url: "https://example.com/contact?lang=ja&kaiwa_ref=pricing",
    });
  });

  it("validates refs per channel: Telegram's 64 characters of A-Za-z0-9_-", () => {
    expect(refProblem("telegram", "a".repeat(64))).toBeNull();
    expect(refProblem("telegram", "a".repeat(65))).toMatch(/1–64/);
    expect(refProblem("telegram", "spring.sale")).not.toBeNull();
    expect(refProblem("telegram", "春")).not.toBeNull();
    expect(refProblem("messenger", "spring.sale")).toBeNull();
    expect(refProblem("whatsapp", "has space")).not.toBeNull();
    expect(deepLink({ channelType: "telegram", ref: "bad ref", target: "kaiwa_shop_bot" })).toMatchObject({ ok: false, error: expect.stringMatching(/ref must be/) });
  });
});

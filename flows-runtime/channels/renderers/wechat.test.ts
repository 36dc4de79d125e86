import { describe, expect, it } from "vitest";
import { render } from "../render";
import { choices, familyLabel, image, labelled, longEnglish, longJapanese, message } from "../render-fixtures";

describe("render for WeChat", () => {
  it("sends plain text as a customer-service text message", () => {
    expect(render(message("Hello!"), "wechat")).toMatchObject({
      payloads: [{ msgtype: "text", text: { content: "Hello!" } }],
      degraded: [],
    });
  });

  it("sends 2, 3 and 4 choices as a msgmenu", () => {
    expect(render(message("Coffee or tea?", labelled(["Coffee", "Tea"])), "wechat").payloads).toEqual([
      {
        msgtype: "msgmenu",
        msgmenu: {
          head_content: "Coffee or tea?",
          list: [
            { id: "p1", content: "Coffee" },
            { id: "p2", content: "Tea" },
          ],
          tail_content: "",
        },
      },
    ]);
    for (const n of [3, 4]) {
      const out = render(message("Pick", choices(n)), "wechat");
      expect((out.payloads[0] as { msgmenu: { list: unknown[] } }).msgmenu.list).toHaveLength(n);
      expect(out.degraded).toEqual([]);
    }
  });

  it("falls back to numbered text for 11 and 14 choices", () => {
    for (const n of [11, 14]) {
      const out = render(message("Pick", choices(n)), "wechat");
      expect(out.payloads).toEqual([
        { msgtype: "text", text: { content: `Pick\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. Option ${i + 1}`).join("\n")}` } },
      ]);
      expect(out.degraded[0]?.message).toBe(
        `WeChat shows at most 10 rows in a menu: these ${n} choices are sent as numbered text, and the contact replies with a number.`,
      );
    }
  });

  it("keeps long labels whole in the menu", () => {
    const out = render(message("Which?", labelled([longEnglish, longJapanese, familyLabel])), "wechat");
    const list = (out.payloads[0] as { msgmenu: { list: { content: string }[] } }).msgmenu.list;
    expect(list.map((r) => r.content)).toEqual([longEnglish, longJapanese, familyLabel]);
  });

  it("splits text over 2048 bytes and warns past WeChat's 5 messages per contact message", () => {
    const text = "今日はいい天気ですね。".repeat(120); // 3960 bytes
    const two = render(message(text), "wechat");
    expect(two.payloads).toHaveLength(2);
    for (const p of two.payloads) {
      expect(new TextEncoder().encode((p as { text: { content: string } }).text.content).length).toBeLessThanOrEqual(2048);
    }
    const many = render(message(text.repeat(3)), "wechat");
    expect(many.payloads).toHaveLength(6);
    expect(many.degraded.map((d) => d.code)).toEqual(["text_split", "messages_over_reply_quota"]);
    expect(many.degraded[1]?.message).toBe(
      "WeChat allows 5 customer-service messages per message from the contact: this sends 6, so the last 1 may be refused.",
    );
  });

  it("sends media as a link in the text, with its caption", () => {
    const out = render(message("Our menu", [], image), "wechat");
    expect(out.payloads).toEqual([{ msgtype: "text", text: { content: `Our menu\n\n${image.url}` } }]);
    expect(out.degraded).toEqual([
      { code: "media_as_link", message: "WeChat cannot send this image directly: it is sent as a link in the text." },
    ]);
  });
});

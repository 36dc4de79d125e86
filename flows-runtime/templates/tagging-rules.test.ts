import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import { runConversation } from "../testing/run-conversation";
import { taggingRules } from "./tagging-rules";

const graph = compile(taggingRules()).graph!;
const CONFIRMATION = "Thanks for your message! We've passed it to the right team and will get back to you soon.\nお問い合わせありがとうございます。担当チームに共有しましたので、しばらくお待ちください。";

describe("tagging-rules template", () => {
  it("tags a pricing question and confirms (English)", () => {
    const chat = runConversation(graph, ["What's the PRICE of the pro plan?"]);
    expect(chat.replies).toEqual([[CONFIRMATION]]);
    expect(chat.contact.tags).toEqual(["pricing-interest"]);
  });

  it("tags support requests in Japanese, including half-width katakana", () => {
    expect(runConversation(graph, ["ログインできません。サポートお願いします"]).contact.tags).toEqual(["support"]);
    expect(runConversation(graph, ["ｻﾎﾟｰﾄ"]).contact.tags).toEqual(["support"]);
  });

  it("gives both tags when a message is about both", () => {
    const chat = runConversation(graph, ["料金とサポートについて教えてください"], { contact: { tags: ["vip"] } });
    expect(chat.contact.tags).toEqual(["vip", "pricing-interest", "support"]);
    expect(chat.replies).toEqual([[CONFIRMATION]]);
  });

  it("does not start for messages without a keyword", () => {
    const chat = runConversation(graph, ["good morning"]);
    expect(chat.replies).toEqual([[]]);
    expect(chat.contact.tags).toEqual([]);
  });
});

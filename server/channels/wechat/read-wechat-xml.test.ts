import { describe, expect, it } from "vitest";
import { MalformedWebhookError } from "../channel-adapter";
import { createNonceCache } from "./nonce-cache";
import { readWechatXml } from "./read-wechat-xml";

describe("readWechatXml", () => {
  it("reads CDATA verbatim and decodes entities in plain text", () => {
    expect(readWechatXml("<xml><A><![CDATA[<b>&amp;</b>]]></A><B>x &lt; y &amp;&#65;&#x42;</B><C/><D></D></xml>")).toEqual({
      A: "<b>&amp;</b>",
      B: "x < y &AB",
      C: "",
      D: "",
    });
  });

  it("joins CDATA split around ]]> and flattens nested elements to dotted names, first repeat kept", () => {
    const xml =
      "<xml><Content><![CDATA[a]]]]><![CDATA[>b]]></Content><SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>one</PicMd5Sum></item><item><PicMd5Sum>two</PicMd5Sum></item></PicList></SendPicsInfo></xml>";
    expect(readWechatXml(xml)).toEqual({ Content: "a]]>b", "SendPicsInfo.Count": "2", "SendPicsInfo.PicList.item.PicMd5Sum": "one" });
  });

  it("refuses what WeChat never sends", () => {
    for (const bad of [
      "<xml><A>&bogus;</A></xml>",
      "<xml><A>a & b</A></xml>",
      "<xml><A>&#0;</A></xml>",
      "<xml><!-- hi --><A>1</A></xml>",
      "<xml><A>1</B></xml>",
      "<xml><A><B><C><D><E><F><G><H>deep</H></G></F></E></D></C></B></A></xml>",
      "  ",
    ]) {
      expect(() => readWechatXml(bad), bad).toThrow(MalformedWebhookError);
    }
  });
});

describe("createNonceCache", () => {
  it("evicts the oldest nonce past its size and forgets expired ones", () => {
    const cache = createNonceCache({ maxPerChannel: 2 });
    cache.remember("ch", "a", "body", 1000);
    cache.remember("ch", "b", "body", 1000);
    cache.remember("ch", "c", "body", 1000);
    expect(cache.check("ch", "a", "other", 0)).toBe("fresh");
    expect(cache.check("ch", "b", "other", 0)).toBe("reused");
    expect(cache.check("ch", "c", "body", 0)).toBe("retry");
    expect(cache.check("ch", "c", "other", 1000)).toBe("fresh");
  });
});

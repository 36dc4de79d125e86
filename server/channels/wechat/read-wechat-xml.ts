import { MalformedWebhookError } from "../channel-adapter";

// WeChat's webhook body as field name → text. Nested elements (SendLocationInfo, ScanCodeInfo...) are
// flattened to dotted paths ("SendLocationInfo.Location_X"); a repeated element keeps its first value.
export type WechatFields = Record<string, string>;

const maxDepth = 6;
const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

// A deliberately small, strict reader for WeChat's `<xml><Field><![CDATA[...]]></Field>...</xml>`:
// elements without attributes, CDATA or entity-escaped text, no DOCTYPE / entity declarations
// (so no XXE or entity expansion), no mixed content. Anything else is not a WeChat body.
export function readWechatXml(raw: string): WechatFields {
  const reader = new Reader(raw);
  reader.skipProlog();
  const root = reader.element(0);
  reader.skipWhitespace();
  if (!reader.atEnd()) reader.fail("content after the closing </xml>");
  if (root.name !== "xml") reader.fail(`root element is <${root.name}>, expected <xml>`);
  const fields: WechatFields = {};
  flatten(root.children, "", fields);
  return fields;
}

type XmlNode = { name: string; text: string; children: XmlNode[] };

function flatten(nodes: XmlNode[], prefix: string, into: WechatFields): void {
  for (const node of nodes) {
    const path = prefix + node.name;
    if (node.children.length > 0) flatten(node.children, `${path}.`, into);
    else if (!(path in into)) into[path] = node.text;
  }
}

class Reader {
  private pos = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.pos >= this.s.length;
  }

  fail(why: string): never {
    throw new MalformedWebhookError(`Not a WeChat XML body: ${why} (at character ${this.pos}).`);
  }

  skipWhitespace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] ?? "")) this.pos += 1;
  }

  skipProlog(): void {
    if (this.s.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    if (this.s.startsWith("<?xml", this.pos)) {
      const end = this.s.indexOf("?>", this.pos);
      if (end < 0) this.fail("unterminated XML declaration");
      this.pos = end + 2;
      this.skipWhitespace();
    }
    if (!this.s.startsWith("<", this.pos)) this.fail("the body does not start with an element");
  }

  element(depth: number): XmlNode {
    if (depth > maxDepth) this.fail("elements nested too deeply");
    const open = /^<([A-Za-z_][\w.-]*)\s*(\/?)>/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!open) this.fail("expected an element without attributes");
    const name = open[1] as string;
    this.pos += open[0].length;
    if (open[2] === "/") return { name, text: "", children: [] };

    let text = "";
    let sawText = false;
    const children: XmlNode[] = [];
    for (;;) {
      if (this.atEnd()) this.fail(`<${name}> is never closed`);
      if (this.s.startsWith("</", this.pos)) {
        const close = `</${name}>`;
        if (!this.s.startsWith(close, this.pos)) this.fail(`expected ${close}`);
        this.pos += close.length;
        break;
      }
      if (this.s.startsWith("<![CDATA[", this.pos)) {
        const end = this.s.indexOf("]]>", this.pos);
        if (end < 0) this.fail("unterminated CDATA section");
        text += this.s.slice(this.pos + 9, end);
        sawText = true;
        this.pos = end + 3;
      } else if (this.s.startsWith("<!", this.pos) || this.s.startsWith("<?", this.pos)) {
        this.fail("declarations, comments and processing instructions are not allowed");
      } else if (this.s.startsWith("<", this.pos)) {
        children.push(this.element(depth + 1));
      } else {
        const end = this.s.indexOf("<", this.pos);
        const chunk = this.s.slice(this.pos, end < 0 ? this.s.length : end);
        this.pos += chunk.length;
        if (chunk.trim() !== "") sawText = true;
        text += this.decode(chunk);
      }
    }
    if (children.length > 0) {
      if (sawText) this.fail(`<${name}> mixes text and elements`);
      return { name, text: "", children };
    }
    return { name, text, children };
  }

  private decode(chunk: string): string {
    return chunk.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) this.fail("a bare & in text");
      if (ref in entities) return entities[ref] as string;
      const code = /^#x([0-9a-fA-F]{1,6})$/.exec(ref)?.[1] ?? /^#([0-9]{1,7})$/.exec(ref)?.[1];
      if (code === undefined) this.fail(`unknown entity &${ref};`);
      const point = Number.parseInt(code, ref.startsWith("#x") ? 16 : 10);
      if (point > 0x10ffff || point === 0) this.fail(`invalid character reference &${ref};`);
      return String.fromCodePoint(point);
    });
  }
}

import { measureText } from "@/flows-runtime";
import { jsonReader, type JsonObject } from "../meta/json-reader";
import { whatsappTemplateProblem } from "./whatsapp-template-problem";

const { object, string, array } = jsonReader;
const mediaTypes = ["image", "video", "audio", "document", "sticker"];

// What the Cloud API refuses in a send body, as documented: the fake WhatsApp API answers 400 with this.
// Titles are counted in code points, as Meta counts them.
export function whatsappMessageProblem(body: JsonObject): string | undefined {
  if (body.messaging_product !== "whatsapp") return "messaging_product must be whatsapp";
  if (body.recipient_type !== undefined && body.recipient_type !== "individual") return "recipient_type must be individual";
  if (!/^\+?\d{5,20}$/.test(string(body.to) ?? "")) return "to must be a phone number or wa_id";
  const type = string(body.type) ?? "text";
  if (type === "text") return textProblem(object(body.text));
  if (mediaTypes.includes(type)) return mediaProblem(type, object(body[type]));
  if (type === "interactive") return interactiveProblem(object(body.interactive));
  if (type === "template") return whatsappTemplateProblem(object(body.template));
  return `type ${type} is not supported by this fake`;
}

function textProblem(text: JsonObject | undefined): string | undefined {
  const body = string(text?.body) ?? "";
  if (body.length === 0) return "text.body is required";
  if (measureText(body, "utf16") > 4096) return "text.body is longer than 4096 characters";
  return undefined;
}

function mediaProblem(type: string, media: JsonObject | undefined): string | undefined {
  if (!media) return `${type} object is required`;
  const link = string(media.link);
  if (!link && !string(media.id)) return `${type} needs a link or an id`;
  if (link && !/^https?:\/\//.test(link)) return `${type}.link must be an http(s) URL`;
  const caption = string(media.caption);
  if (caption !== undefined && (type === "audio" || type === "sticker")) return `${type} takes no caption`;
  if (caption !== undefined && measureText(caption, "utf16") > 1024) return "caption is longer than 1024 characters";
  if (media.filename !== undefined && type !== "document") return "filename is for documents only";
  return undefined;
}

function interactiveProblem(interactive: JsonObject | undefined): string | undefined {
  if (!interactive) return "interactive object is required";
  const bodyText = string(object(interactive.body)?.text) ?? "";
  if (bodyText.length === 0 || measureText(bodyText, "utf16") > 1024) return "interactive.body.text must be 1 to 1024 characters";
  const action = object(interactive.action) ?? {};
  if (interactive.type === "button") return buttonsProblem(array(action.buttons));
  if (interactive.type === "list") return listProblem(action);
  return `interactive.type ${string(interactive.type)} is not supported by this fake`;
}

function buttonsProblem(buttons: unknown[]): string | undefined {
  if (buttons.length < 1 || buttons.length > 3) return "action.buttons must have 1 to 3 buttons";
  const replies = buttons.map((b) => (object(b)?.type === "reply" ? object(object(b)?.reply) : undefined));
  if (replies.some((r) => !r)) return "each button must be { type: reply, reply: { id, title } }";
  const ids = replies.map((r) => string(r?.id) ?? "");
  const titles = replies.map((r) => string(r?.title) ?? "");
  if (ids.some((id) => id.length === 0 || id.length > 256)) return "button reply.id must be 1 to 256 characters";
  if (titles.some((t) => t.length === 0 || measureText(t, "codepoints") > 20)) return "button reply.title must be 1 to 20 characters";
  if (new Set(ids).size !== ids.length || new Set(titles).size !== titles.length) return "button ids and titles must be unique";
  return undefined;
}

function listProblem(action: JsonObject): string | undefined {
  const button = string(action.button) ?? "";
  if (button.length === 0 || measureText(button, "codepoints") > 20) return "action.button must be 1 to 20 characters";
  const sections = array(action.sections).map((s) => object(s) ?? {});
  if (sections.length < 1 || sections.length > 10) return "action.sections must have 1 to 10 sections";
  if (sections.length > 1 && sections.some((s) => !string(s.title))) return "every section needs a title when there are several";
  const rows = sections.flatMap((s) => array(s.rows).map((r) => object(r) ?? {}));
  if (rows.length < 1 || rows.length > 10) return "a list must have 1 to 10 rows in total";
  for (const row of rows) {
    const id = string(row.id) ?? "";
    const title = string(row.title) ?? "";
    const description = string(row.description);
    if (id.length === 0 || id.length > 200) return "row id must be 1 to 200 characters";
    if (title.length === 0 || measureText(title, "codepoints") > 24) return "row title must be 1 to 24 characters";
    if (description !== undefined && measureText(description, "codepoints") > 72) return "row description must be at most 72 characters";
  }
  if (new Set(rows.map((r) => string(r.id))).size !== rows.length) return "row ids must be unique";
  return undefined;
}

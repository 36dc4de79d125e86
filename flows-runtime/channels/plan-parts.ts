import type { ChannelCapabilities, Limit } from "./channel-capabilities";
import { describeLimit } from "./describe-limit";
import { measureText } from "./measure-text";
import type { OutboundChoice, OutboundMedia, OutboundMessage } from "./outbound-message";
import { pickChoiceStyle } from "./pick-choice-style";
import { prepareChoices } from "./prepare-choices";
import type { Degradation, RenderedPart } from "./rendered-message";
import { splitText } from "./split-text";

// Platforms refuse buttons under an empty text; a pointer is the least a flow can be said to have added.
export const fallbackPrompt = "👇";
// WhatsApp needs a label on the button that opens a list; OutboundMessage has no field for it yet.
export const defaultListButtonLabel = "Choose";

// The channel-neutral half of render(): what the contact will see on this channel, within its limits.
export function planParts(message: OutboundMessage, caps: ChannelCapabilities): { parts: RenderedPart[]; degraded: Degradation[] } {
  const degraded: Degradation[] = [];
  let text = message.text.trim();
  let mediaPart: Extract<RenderedPart, { kind: "media" }> | undefined;
  if (message.media) {
    if (caps.media?.kinds.includes(message.media.kind)) {
      mediaPart = { kind: "media", media: message.media };
    } else {
      text = [text, mediaLink(message.media)].filter(Boolean).join("\n\n");
      degraded.push({
        code: "media_as_link",
        message: `${caps.displayName} cannot send this ${message.media.kind} directly: it is sent as a link in the text.`,
      });
    }
  }

  if (message.choices.length === 0) {
    const caption = caps.media?.caption;
    if (mediaPart && text && caption && mediaPart.media.kind !== "audio" && measureText(text, caption.unit) <= caption.max) {
      return { parts: [{ ...mediaPart, caption: text }], degraded };
    }
    const texts = text ? splitReported(text, caps.text, caps, degraded) : [];
    return { parts: [...(mediaPart ? [mediaPart] : []), ...texts.map((t): RenderedPart => ({ kind: "text", text: t }))], degraded };
  }

  const choiceParts = planChoices(text, message.choices, caps, degraded);
  return { parts: [...(mediaPart ? [mediaPart] : []), ...choiceParts], degraded };
}

function planChoices(prompt: string, choices: OutboundChoice[], caps: ChannelCapabilities, degraded: Degradation[]): RenderedPart[] {
  const { style, degraded: styleNotes } = pickChoiceStyle(caps, choices);
  degraded.push(...styleNotes);
  let text = prompt;
  if (!text && caps.requiresPromptText && style !== "numbered_text") {
    text = fallbackPrompt;
    degraded.push({
      code: "prompt_added",
      message: `${caps.displayName} needs text above choices: “${fallbackPrompt}” is shown because the message has none.`,
    });
  }
  const name = caps.displayName;
  const { replyButtons, list, quickReplies } = caps;

  if (style === "buttons" && replyButtons) {
    const prepared = prepareChoices(choices, { ...replyButtons, description: null }, `${name} ${replyButtons.name}`);
    degraded.push(...prepared.degraded, ...droppedDescriptions(choices, `${name} ${replyButtons.name}`));
    const { leading, body } = splitBody(text, replyButtons.body, caps, degraded);
    return [...leading, { kind: "buttons", text: body, buttons: prepared.choices.map(({ label, payload }) => ({ label, payload })) }];
  }
  if (style === "list" && list) {
    const where = `${name} ${list.name} rows`;
    const prepared = prepareChoices(choices, { label: list.rowTitle, payload: list.payload, description: list.rowDescription }, where);
    degraded.push(...prepared.degraded);
    if (!list.rowDescription) degraded.push(...droppedDescriptions(choices, where));
    const { leading, body } = splitBody(text, list.body, caps, degraded);
    return [...leading, { kind: "list", text: body, buttonLabel: defaultListButtonLabel, rows: prepared.choices }];
  }
  if (style === "quick_replies" && quickReplies) {
    const where = `${name} ${quickReplies.name}`;
    const prepared = prepareChoices(choices, { ...quickReplies, description: null }, where);
    degraded.push(...prepared.degraded, ...droppedDescriptions(choices, where));
    if (quickReplies.hiddenOnDesktop) {
      degraded.push({
        code: "quick_replies_hidden_on_desktop",
        message: `${name} does not show quick replies on desktop: contacts there see only the text and must type their answer.`,
      });
    }
    const { leading, body } = splitBody(text, quickReplies.body, caps, degraded);
    return [...leading, { kind: "quick_replies", text: body, replies: prepared.choices.map(({ label, payload }) => ({ label, payload })) }];
  }

  const options = choices.map((c, i) => ({ number: i + 1, label: c.label.trim() || c.payload, payload: c.payload }));
  const lines = options.map((o, i) => `${o.number}. ${o.label}${choices[i]?.description ? ` – ${choices[i]?.description}` : ""}`);
  const full = [text, lines.join("\n")].filter(Boolean).join("\n\n");
  const chunks = splitReported(full, caps.text, caps, degraded);
  const last = chunks.pop() ?? "";
  return [...chunks.map((t): RenderedPart => ({ kind: "text", text: t })), { kind: "numbered_text", text: last, options }];
}

// Text above the choices must fit the control's body limit; what does not goes first as plain messages.
function splitBody(text: string, body: Limit, caps: ChannelCapabilities, degraded: Degradation[]): { leading: RenderedPart[]; body: string } {
  if (measureText(text, body.unit) <= body.max) return { leading: [], body: text };
  const chunks = splitText(text, caps.text.max, caps.text.unit);
  const last = chunks.pop() ?? "";
  let bodyText = last;
  if (measureText(last, body.unit) > body.max) {
    bodyText = splitText(last, body.max, body.unit).at(-1) ?? "";
    const head = last.slice(0, last.lastIndexOf(bodyText)).trim();
    if (head) chunks.push(head);
  }
  degraded.push({
    code: "text_split",
    message: `${caps.displayName} shows at most ${describeLimit(body)} above choices: this text is sent as ${chunks.length + 1} messages, the choices under the last one.`,
  });
  return { leading: chunks.map((t) => ({ kind: "text", text: t })), body: bodyText };
}

function splitReported(text: string, limit: Limit, caps: ChannelCapabilities, degraded: Degradation[]): string[] {
  const chunks = splitText(text, limit.max, limit.unit);
  if (chunks.length > 1) {
    degraded.push({
      code: "text_split",
      message: `${caps.displayName} messages hold at most ${describeLimit(limit)}: this text is sent as ${chunks.length} messages.`,
    });
  }
  return chunks;
}

function droppedDescriptions(choices: OutboundChoice[], where: string): Degradation[] {
  const count = choices.filter((c) => c.description).length;
  if (count === 0) return [];
  return [{ code: "description_dropped", message: `${where} cannot show descriptions: the descriptions of ${count} choices are not shown.` }];
}

function mediaLink(media: OutboundMedia): string {
  return media.filename ? `${media.filename}: ${media.url}` : media.url;
}

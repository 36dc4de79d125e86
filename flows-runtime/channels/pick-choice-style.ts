import type { ChannelCapabilities } from "./channel-capabilities";
import type { OutboundChoice } from "./outbound-message";
import type { Degradation } from "./rendered-message";

export type ChoiceStyle = "buttons" | "list" | "quick_replies" | "numbered_text";

// Buttons when they fit, a list when they do not, numbered text where nothing else holds every choice:
// a choice is never dropped to make a control fit.
export function pickChoiceStyle(
  caps: ChannelCapabilities,
  choices: OutboundChoice[],
): { style: ChoiceStyle; degraded: Degradation[] } {
  const n = choices.length;
  const name = caps.displayName;
  const { replyButtons: buttons, list, quickReplies } = caps;
  const described = choices.some((c) => c.description);

  // A list row shows a description under its title; a button cannot, so described choices prefer a list.
  if (buttons && n <= buttons.max && !(described && list?.rowDescription && n <= list.maxRows)) {
    return { style: "buttons", degraded: [] };
  }
  if (list && n <= list.maxRows) {
    if (!buttons) return { style: "list", degraded: [] };
    const why = n <= buttons.max ? `${buttons.name} cannot show descriptions` : `shows at most ${buttons.max} ${buttons.name}`;
    return { style: "list", degraded: [{ code: "buttons_as_list", message: `${name} ${why}: these ${n} choices are sent as a ${list.name}.` }] };
  }
  if (quickReplies && n <= quickReplies.max) return { style: "quick_replies", degraded: [] };

  if (caps.numberedTextChoices) {
    const message = `${name} has no buttons: these ${n} choices are sent as numbered options, and the contact replies with a number.`;
    return { style: "numbered_text", degraded: [{ code: "choices_as_numbered_text", message }] };
  }
  const largest = [
    buttons && { max: buttons.max, what: `${buttons.max} ${buttons.name}` },
    list && { max: list.maxRows, what: `${list.maxRows} rows in a ${list.name}` },
    quickReplies && { max: quickReplies.max, what: `${quickReplies.max} ${quickReplies.name}` },
  ]
    .filter((c) => !!c)
    .sort((a, b) => b.max - a.max)[0];
  const limit = largest ? `shows at most ${largest.what}` : "has no buttons";
  const message = `${name} ${limit}: these ${n} choices are sent as numbered text, and the contact replies with a number.`;
  return { style: "numbered_text", degraded: [{ code: "choices_as_numbered_text", message }] };
}

import { choiceToken } from "./choice-token";
import type { OutboundChoice } from "./outbound-message";

// The inbound side of render(): what a contact's tap or typed reply means. A button/postback/callback
// comes back as the payload or, where render() had to shorten it, as choiceToken(choice) (with a "#n"
// suffix when two ids hash alike). Where choices went out as numbered text (SMS, fallbacks), pass
// acceptNumbers: "2" or "２" then means the second choice, ahead of a payload that happens to be "2".
export function resolveChoiceReply(
  reply: string,
  choices: OutboundChoice[],
  options: { acceptNumbers?: boolean } = {},
): OutboundChoice | undefined {
  if (options.acceptNumbers) {
    const digits = reply.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
    const numbered = /^\d{1,3}$/.test(digits) ? choices[Number(digits) - 1] : undefined;
    if (numbered) return numbered;
  }
  const exact = choices.find((c) => c.payload === reply);
  if (exact) return exact;
  const suffix = /#(\d+)$/.exec(reply);
  const tokens = choices.filter((c) => choiceToken(c) === (suffix ? reply.slice(0, suffix.index) : reply));
  return suffix ? tokens[Number(suffix[1]) - 1] : tokens[0];
}

import { normaliseText } from "../text/normalise";

// Finds the choice a contact meant, whether they tapped a button (payload), typed the label, or
// replied "2" to an SMS list of numbered options. Earlier rules win, so a label that is itself a
// number ("3") beats the third option.
export function matchChoice<C extends { id: string; label: string; payload: string }>(
  choices: readonly C[],
  message: { text?: string; payload?: string },
): C | undefined {
  if (message.payload !== undefined && message.payload !== "") {
    const tapped = choices.find((choice) => choice.payload === message.payload);
    if (tapped) return tapped;
  }
  if (message.text === undefined) return undefined;
  const text = normaliseText(message.text);
  if (text === "") return undefined;

  const byLabel = choices.find((choice) => normaliseText(choice.label) === text);
  if (byLabel) return byLabel;

  const position = NUMBERED_REPLY.exec(text);
  if (position) {
    const byPosition = choices[Number(position[1]) - 1];
    if (byPosition) return byPosition;
  }

  return choices.find((choice) => normaliseText(choice.payload) === text || normaliseText(choice.id) === text);
}

// "2", "2.", "2)", "#2", "2番"; full-width "２" and circled "②" arrive here as "2" after NFKC.
const NUMBERED_REPLY = /^#?(\d{1,3}) ?(?:[.)]|番)?$/u;

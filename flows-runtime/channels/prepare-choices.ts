import type { Limit } from "./channel-capabilities";
import { choiceToken } from "./choice-token";
import { describeLimit } from "./describe-limit";
import { measureText } from "./measure-text";
import type { OutboundChoice } from "./outbound-message";
import type { Degradation } from "./rendered-message";
import { truncateLabel } from "./truncate-label";

export type PreparedChoice = { label: string; description?: string; payload: string };
export type ChoiceLimits = { label: Limit; payload: Limit | null; description: Limit | null };

// Fits labels, descriptions and payloads into one control's limits, keeping labels distinct (WhatsApp
// rejects repeated titles) and payloads unique (a tap must match exactly one choice).
// `where` names the control for the marketer, in the plural: "WhatsApp reply buttons".
export function prepareChoices(
  choices: OutboundChoice[],
  limits: ChoiceLimits,
  where: string,
): { choices: PreparedChoice[]; degraded: Degradation[] } {
  const degraded: Degradation[] = [];
  const labels = choices.map((choice) => {
    const label = choice.label.trim();
    if (label) return label;
    degraded.push({ code: "label_empty", message: `${where} need a label: a choice without one shows its payload “${choice.payload}” instead.` });
    return choice.payload;
  });
  const shown = distinctLabels(labels, limits.label, where, degraded);
  const payloads = wirePayloads(choices, limits.payload, where, degraded);
  const prepared = choices.map((choice, i): PreparedChoice => {
    const out: PreparedChoice = { label: shown[i] ?? "", payload: payloads[i] ?? choice.payload };
    if (choice.description === undefined || !limits.description) return out;
    const description = truncateLabel(choice.description, limits.description.max, limits.description.unit);
    if (description !== choice.description) {
      degraded.push({
        code: "description_truncated",
        message: `${where} show descriptions of at most ${describeLimit(limits.description)}: the description of “${labels[i]}” is cut to “${description}”.`,
      });
    }
    return { ...out, description };
  });
  return { choices: prepared, degraded };
}

function distinctLabels(labels: string[], limit: Limit, where: string, degraded: Degradation[]): string[] {
  const shown = labels.map((label) => truncateLabel(label, limit.max, limit.unit));
  const cut = shown.map((label, i) => label !== labels[i]);
  const groups = new Map<string, number[]>();
  shown.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  const renamed: Degradation[] = [];
  for (const [label, indexes] of groups) {
    if (indexes.length < 2) continue;
    for (const [n, index] of indexes.entries()) {
      const suffix = ` ${n + 1}`;
      const room = limit.max - measureText(suffix, limit.unit);
      shown[index] = truncateLabel(labels[index] ?? label, room, limit.unit) + suffix;
    }
    renamed.push({
      code: "label_deduplicated",
      message: `${where} need distinct labels: ${indexes.length} choices would all read “${label}”, so they are numbered ${indexes.map((i) => `“${shown[i]}”`).join(", ")}.`,
    });
  }
  labels.forEach((label, i) => {
    const final = shown[i] ?? label;
    if (!cut[i]) return;
    degraded.push({ code: "label_truncated", message: `${where} show at most ${describeLimit(limit)}: “${label}” is shown as “${final}”.` });
  });
  degraded.push(...renamed);
  return shown;
}

function wirePayloads(choices: OutboundChoice[], limit: Limit | null, where: string, degraded: Degradation[]): string[] {
  const used = new Set<string>();
  return choices.map((choice) => {
    const tooLong = limit !== null && measureText(choice.payload, limit.unit) > limit.max;
    const repeated = used.has(choice.payload);
    let payload = tooLong || repeated ? choiceToken(choice) : choice.payload;
    for (let n = 2; used.has(payload); n++) payload = `${choiceToken(choice)}#${n}`;
    used.add(payload);
    if (tooLong && limit) {
      degraded.push({
        code: "payload_shortened",
        message: `${where} carry at most ${describeLimit(limit)} of data: the choice “${choice.label}” is sent with the short code “${payload}” instead of its payload, and matched back automatically.`,
      });
    } else if (repeated) {
      degraded.push({
        code: "duplicate_payload",
        message: `${where} need distinct data, but two choices share the payload “${choice.payload}”: “${choice.label || choice.payload}” is sent with the code “${payload}” so each tap is told apart.`,
      });
    }
    return payload;
  });
}

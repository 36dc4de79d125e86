import type { EditorDocument } from "../graph/editor-doc";
import { templateDoc } from "./template-doc";

// Answers every first message: a greeting during business hours, an away message with the time the
// team is back outside them. Uses the workspace's first business-hours schedule.
export function greetingAway(): EditorDocument {
  return templateDoc({
    id: "greeting-away",
    name: "Greeting and away message",
    nodes: [
      { id: "start", kind: "trigger", column: 0, row: 1, data: { anyMessage: true } },
      { id: "hours", kind: "business_hours", column: 1, row: 1, data: {} },
      {
        id: "greeting",
        kind: "message",
        column: 2,
        row: 0,
        data: {
          text:
            'Hi {{contact.first_name | default: "there"}}! Thanks for your message — someone from our team will reply in a few minutes.\n' +
            "メッセージありがとうございます。担当者がまもなくご返信します。",
        },
      },
      {
        id: "away",
        kind: "message",
        column: 2,
        row: 2,
        data: {
          text:
            "Thanks for your message! We're closed right now and back on {{vars.next_open.weekday}} ({{vars.next_open.date}}) at {{vars.next_open.time}}. We'll reply then.\n" +
            "ただいま営業時間外です。{{vars.next_open.date}} {{vars.next_open.time}} 以降に順次ご返信します。",
        },
      },
      { id: "done", kind: "end", column: 3, row: 1, data: {} },
    ],
    edges: [
      ["start", "next", "hours"],
      ["hours", "open", "greeting"],
      ["hours", "closed", "away"],
      ["greeting", "next", "done"],
      ["away", "next", "done"],
    ],
  });
}

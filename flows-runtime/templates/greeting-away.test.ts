import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import type { WorkspaceSettings } from "../engine/context";
import { runConversation } from "../testing/run-conversation";
import { greetingAway } from "./greeting-away";

const graph = compile(greetingAway()).graph!;

const settings: WorkspaceSettings = {
  timeZone: "Asia/Tokyo",
  schedules: [
    {
      id: "main",
      name: "Office hours",
      timeZone: "Asia/Tokyo",
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })),
      holidays: ["2026-05-04", "2026-05-05", "2026-05-06"],
    },
  ],
};

// Tuesday 31 March 2026, 10:30 in Tokyo.
const tuesdayMorning = Date.UTC(2026, 2, 31, 1, 30);
// Saturday 4 April 2026, 20:00 in Tokyo.
const saturdayEvening = Date.UTC(2026, 3, 4, 11, 0);

describe("greeting-away template", () => {
  it("greets by name during business hours", () => {
    const chat = runConversation(graph, ["Hi, I have a question"], { settings, now: tuesdayMorning, contact: { fields: { first_name: "Sam" } } });
    expect(chat.replies).toEqual([
      ["Hi Sam! Thanks for your message — someone from our team will reply in a few minutes.\nメッセージありがとうございます。担当者がまもなくご返信します。"],
    ]);
    expect(chat.session?.status).toBe("ended");
  });

  it("tells a Japanese contact writing at the weekend when the team is back", () => {
    const chat = runConversation(graph, ["こんにちは、質問があります"], { settings, now: saturdayEvening, contact: { channel: "line" } });
    expect(chat.replies).toEqual([
      [
        "Thanks for your message! We're closed right now and back on Monday (2026-04-06) at 09:00. We'll reply then.\n" +
          "ただいま営業時間外です。2026-04-06 09:00 以降に順次ご返信します。",
      ],
    ]);
  });

  it("skips holidays when saying when the team is back", () => {
    // Monday 4 May 2026 (Golden Week), noon in Tokyo: closed until Thursday the 7th.
    const chat = runConversation(graph, ["hello"], { settings, now: Date.UTC(2026, 4, 4, 3, 0) });
    expect(chat.replies[0]?.[0]).toContain("back on Thursday (2026-05-07) at 09:00");
  });

  it("greets around the clock when the workspace has not set up business hours", () => {
    const chat = runConversation(graph, ["hello"], { settings: { timeZone: "UTC", schedules: [] }, now: saturdayEvening });
    expect(chat.replies[0]?.[0]).toMatch(/^Hi there! Thanks for your message/);
  });
});

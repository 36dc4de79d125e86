import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { createCaller } from "../api/root";
import { startFakeTelegramApi } from "../channels/telegram/fake-telegram-api";
import type { FakeApi } from "../channels/testing/fake-api-server";
import { startHarness, type Harness } from "./testing/runtime-harness";

const botToken = "123456:TEST-token_abc";
const secretToken = "s3cret_Token-42";
const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken };
let updateId = 700_000;
const text = (fromId: number, body: string) =>
  JSON.stringify({ update_id: ++updateId, message: { message_id: updateId, from: { id: fromId, is_bot: false, first_name: "Sora" }, chat: { id: fromId, type: "private" }, date: Math.floor(Date.now() / 1000), text: body } });

const bookingDoc = (question: string) =>
  buildDoc({
    name: "Booking",
    nodes: {
      t: ["trigger", { keywords: [{ match: "exact", value: "book" }] }],
      ask: ["question", { prompt: question, answerType: "text", saveTo: { target: "field", key: "booking_day" }, timeout: { amount: 2, unit: "seconds" } }],
      thanks: ["message", { text: "Booked for {{contact.booking_day}}." }],
      nudge: ["message", { text: "No answer? Write book to start again." }],
    },
    edges: ["t -> ask", "ask:answered -> thanks", "ask:timeout -> nudge"],
    fields: ["booking_day"],
  });

// Sessions are pinned to the flow version they started on, and question timeouts are durable pg-boss
// jobs that fire once, and do nothing when the contact answered in time.
describe("sessions across publishes, and question timeouts", () => {
  let harness: Harness;
  let api: FakeApi;
  let channelId: string;
  let caller: ReturnType<typeof createCaller>;
  let flowId: string;

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeTelegramApi({ botToken });
    channelId = await harness.createChannel("telegram", { botToken, secretToken }, api.url);
    caller = createCaller({ database: harness.database, queue: harness.kaiwa.queue, workspaceId: harness.workspaceId, userId: harness.ownerId });
    await caller.fields.create({ key: "booking_day", label: "Booking day", type: "text" });
    const flow = await caller.flows.import({ json: JSON.stringify(bookingDoc("Which day? (v1)")) });
    flowId = flow.id;
    await caller.flows.publish({ id: flowId });
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  const say = async (fromId: number, body: string) => {
    expect((await harness.post("telegram", channelId, text(fromId, body), headers)).status).toBe(200);
    await harness.settle();
  };
  const repliesTo = (chatId: number) =>
    api.requests.filter((request) => String((request.json as { chat_id?: unknown }).chat_id) === String(chatId)).map((request) => (request.json as { text: string }).text);

  it("a contact mid-flow finishes on the version it started on; new contacts get the new one", async () => {
    await say(9101, "book");
    expect(repliesTo(9101)).toEqual(["Which day? (v1)"]);
    const { revision } = await caller.flows.get({ id: flowId });
    const v2 = { ...bookingDoc("Which day suits you? (v2)"), id: flowId };
    v2.nodes.thanks!.data = { text: "v2: booked for {{contact.booking_day}}." };
    await caller.flows.save({ id: flowId, baseRevision: revision, document: v2 });
    await caller.flows.publish({ id: flowId });

    await say(9101, "Friday");
    expect(repliesTo(9101)).toEqual(["Which day? (v1)", "Booked for Friday."]);
    await say(9102, "book");
    await say(9102, "Monday");
    expect(repliesTo(9102)).toEqual(["Which day suits you? (v2)", "v2: booked for Monday."]);
  });

  it("a question's timeout fires once when the contact does not answer", async () => {
    await say(9103, "book");
    await expect.poll(() => repliesTo(9103), { timeout: 15_000 }).toEqual(["Which day suits you? (v2)", "No answer? Write book to start again."]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(repliesTo(9103)).toHaveLength(2);
  });

  it("a timeout whose contact already answered does nothing", async () => {
    await say(9104, "book");
    await say(9104, "Sunday");
    // Past the 2-second timeout, its job has fired against a session that moved on.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await harness.settle();
    expect(repliesTo(9104)).toEqual(["Which day suits you? (v2)", "v2: booked for Sunday."]);
    const [timer] = await harness.database.query<{ n: number }>("select count(*)::int as n from inbound_events where contact_external_id = '9104' and kind = 'timer'");
    expect(timer!.n).toBe(1);
  });
});
